/* test_cli: the command line's output helpers: cli_out's visible forms
 * (fields, messages) and export_json_dumpf's escapes, on hostile strings. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_out.h"
#include "export.h"

/* ESC OSC 52, an 8-bit CSI (raw), CSI in UTF-8, RLO, LRI, DEL, LS. */
#define HOSTILE "\033]52;c;aGk=\007|\233|\302\233|\342\200\256|\342\201\246|\177|\342\200\250|"

/* 1 when s holds a byte a terminal acts on (C0 but tab and newline, DEL,
 * C1 in UTF-8, bidi controls, U+2028/9) or a byte 0x80..0xFF that is not
 * part of valid UTF-8. */
static int
dirty(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; p[i]; i++) {
		unsigned char c = p[i];
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 1;
		if (c == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			return 1;
		if (c == 0xe2 && p[i + 1] == 0x80 && p[i + 2] >= 0xa8 && p[i + 2] <= 0xae)
			return 1;
		if (c == 0xe2 && p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9)
			return 1;
		if (c >= 0x80) {
			size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
			if (!k)
				return 1;	/* a lone continuation or bad lead */
			for (size_t j = 1; j <= k; j++)
				if ((p[i + j] & 0xc0) != 0x80)
					return 1;
			i += k;
		}
	}
	return 0;
}

/* What was written to the memstream f over *mem, NUL-terminated (caller
 * frees). */
static char *
captured(FILE *f, char **mem)
{
	assert_int_equal(fclose(f), 0);
	return *mem;
}

static void
test_dirty_finds_them(void **state)
{
	(void)state;
	assert_true(dirty(HOSTILE));
	assert_true(dirty("\233"));
	assert_true(dirty("\302\233"));
	assert_true(dirty("a\342\200\256b"));
	assert_false(dirty("Déclaration — “texte”\tx\n"));
}

static void
test_field(void **state)
{
	(void)state;
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	const char s[] = "a\tb\nc" HOSTILE;
	cli_out_field(f, s, strlen(s));
	char *out = captured(f, &mem);
	assert_false(dirty(out));
	assert_null(strchr(out, '\t'));		/* a field cannot break the line */
	assert_null(strchr(out, '\n'));
	assert_non_null(strstr(out, "a b c"));
	assert_non_null(strstr(out, "\342\220\233]52"));	/* ␛]52 */
	assert_non_null(strstr(out, "|\357\277\275|"));	/* raw 0x9B: U+FFFD */
	free(out);
}

static void
test_error_keeps_lines(void **state)
{
	(void)state;
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	cli_out_error(f, "--lang: '%s' is not one of en", HOSTILE);
	cli_out_say(f, "two\tlines\n%s\n", HOSTILE);
	char *out = captured(f, &mem);
	assert_false(dirty(out));
	assert_memory_equal(out, "lectern: --lang: '", 18);
	assert_non_null(strstr(out, "is not one of en\ntwo\tlines\n"));
	free(out);
}

static void
test_json_escapes(void **state)
{
	(void)state;
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string("x\033[31m\302\233\342\200\256\342\201\251"
						   "\177\342\200\251 \342\200\224 é"));
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	assert_int_equal(export_json_dumpf(o, f, JSON_COMPACT), 0);
	char *out = captured(f, &mem);
	assert_false(dirty(out));
	/* jansson's \u001b, then ours; an em dash and é stay as they are. */
	assert_string_equal(out, "{\"name\":\"x\\u001B[31m\\u009B\\u202E\\u2069"
			    "\\u007F\\u2029 \342\200\224 é\"}");
	/* and it reads back as the same string */
	json_t *back = json_loads(out, 0, NULL);
	assert_non_null(back);
	assert_string_equal(json_string_value(json_object_get(back, "name")),
			    json_string_value(json_object_get(o, "name")));
	json_decref(back);
	json_decref(o);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dirty_finds_them),
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_error_keeps_lines),
		cmocka_unit_test(test_json_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
