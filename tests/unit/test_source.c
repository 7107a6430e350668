/* Unit tests of source: every kind of bad input gets a message naming the
 * file, and what loads is clean UTF-8 with '\n' line ends and no control
 * character a terminal would act on. */
#include <build-config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "export.h"
#include "parse.h"
#include "source.h"
#include "util.h"

static char tmpdir[64];

static char *
tmp_file(const char *name, const char *bytes, size_t n)
{
	char *path = malloc(strlen(tmpdir) + strlen(name) + 2);
	sprintf(path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	return path;
}

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/lectern-source-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", tmpdir, tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
expect_error(const char *path, const char *what)
{
	source s;
	char *err = NULL;
	assert_int_equal(source_load(path, &s, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, path));	/* names the file */
	if (!strstr(err, what))
		fail_msg("message '%s' lacks '%s'", err, what);
	free(err);
}

static void
test_empty(void **state)
{
	(void)state;
	char *p = tmp_file("empty.txt", "", 0);
	expect_error(p, "empty");
	free(p);
}

static void
test_directory(void **state)
{
	(void)state;
	expect_error(tmpdir, "directory");
}

static void
test_missing(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/no-such-file.txt", tmpdir);
	expect_error(path, "no such file");
}

/* As root a mode-000 file is still readable: then it must load; else the
 * message says permission. Either way no crash and a clear outcome. */
static void
test_unreadable(void **state)
{
	(void)state;
	char *p = tmp_file("secret.txt", "text\n", 5);
	assert_int_equal(chmod(p, 0), 0);
	if (geteuid() == 0) {
		source s;
		char *err = NULL;
		assert_int_equal(source_load(p, &s, &err), 0);
		assert_string_equal(s.data, "text\n");
		source_clear(&s);
	} else {
		expect_error(p, "permission denied");
	}
	free(p);
}

static void
test_binary(void **state)
{
	(void)state;
	char *p = tmp_file("bin.dat", "abc\0def", 7);
	expect_error(p, "binary");
	free(p);
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	source s;
	char *err = NULL;
	/* a stray 0xFF, a truncated sequence at the end, a real U+FFFD */
	const char in[] = "a\xff" "b\xef\xbf\xbd" "c\xc3";
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_int_equal(s.invalid_bytes, 2);
	assert_string_equal(s.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
	assert_int_equal(s.len, strlen(s.data));
	source_clear(&s);
}

static void
test_controls(void **state)
{
	(void)state;
	source s;
	char *err = NULL;
	/* BOM, ESC, DEL, C1 NEL, CR LF, lone CR, tab and form feed kept */
	const char in[] = "\xef\xbb\xbf" "a\x1b[31mb\x7f" "c\xc2\x85" "d\r\ne\rf\tg\fh";
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "a\xe2\x90\x9b[31mb\xe2\x90\xa1" "c\xef\xbf\xbd"
			    "d\ne\nf\tg\fh");
	assert_int_equal(s.control_chars, 3);
	assert_int_equal(s.invalid_bytes, 0);
	source_clear(&s);
}

/* The three bytes of U+202E RIGHT-TO-LEFT OVERRIDE: Trojan Source's tool. */
#define RLO "\xe2\x80\xae"

static int
has_bytes(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Every bidi embedding, override and isolate becomes its one-column arrow
 * (text.h) and is counted; none of their bytes is left in the model. */
static void
test_bidi_controls(void **state)
{
	(void)state;
	static const struct { const char *in, *arrow; } cases[] = {
		{ "\xe2\x80\xaa", "⇢" },	/* LRE */
		{ "\xe2\x80\xab", "⇠" },	/* RLE */
		{ "\xe2\x80\xac", "↥" },	/* PDF */
		{ "\xe2\x80\xad", "⇛" },	/* LRO */
		{ "\xe2\x80\xae", "⇚" },	/* RLO */
		{ "\xe2\x81\xa6", "⇥" },	/* LRI */
		{ "\xe2\x81\xa7", "⇤" },	/* RLI */
		{ "\xe2\x81\xa8", "⇆" },	/* FSI */
		{ "\xe2\x81\xa9", "⇞" },	/* PDI */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char in[32], want[32];
		snprintf(in, sizeof in, "a%sb\n", cases[i].in);
		snprintf(want, sizeof want, "a%sb\n", cases[i].arrow);
		source s;
		char *err = NULL;
		assert_int_equal(source_from_memory("m", in, strlen(in), &s, &err), 0);
		assert_string_equal(s.data, want);
		assert_int_equal(s.bidi_controls, 1);
		assert_int_equal(s.format_chars + s.control_chars + s.invalid_bytes, 0);
		assert_false(has_bytes(s.data, s.len, cases[i].in));
		source_clear(&s);
	}
}

/* The Trojan Source example (CVE-2021-42574): a comment that a terminal
 * doing bidi would show where the code is. The model holds no RLO, LRI or
 * PDI, and neither does --dump of the parsed document. */
static const char trojan[] =
	"Comprobación de acceso\n\n"
	"1. if (access_level != \"user" RLO " \xe2\x81\xa6// Check if admin"
	"\xe2\x81\xa9 \xe2\x81\xa6\") {\n";

static void
test_trojan_source(void **state)
{
	(void)state;
	char *p = tmp_file("trojan.txt", trojan, sizeof trojan - 1);
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_false(has_bytes(s.data, s.len, RLO));
	assert_false(has_bytes(s.data, s.len, "\xe2\x81\xa6"));
	assert_false(has_bytes(s.data, s.len, "\xe2\x81\xa9"));
	assert_non_null(strstr(s.data, "\"user⇚ ⇥// Check if admin⇞ ⇥\") {"));
	assert_int_equal(s.bidi_controls, 4);

	doc *d = parse_document(s.name, s.data, s.len, NULL);
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	assert_non_null(f);
	assert_int_equal(export_dump(d, 40, f), 0);
	assert_int_equal(export_json(d, f), 0);
	fclose(f);
	assert_false(has_bytes(out, n, RLO));
	assert_false(has_bytes(out, n, "\xe2\x81\xa6"));
	assert_non_null(strstr(out, "⇚"));
	free(out);
	doc_free(d);
	source_clear(&s);
	free(p);
}

/* The invisible direction marks, a BOM inside the text and the deprecated
 * format characters are removed and counted; a leading BOM silently. */
static void
test_marks_removed(void **state)
{
	(void)state;
	const char in[] = "\xef\xbb\xbf" "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c"
		"d\xef\xbb\xbf" "e\xe2\x81\xaa" "f\xe2\x81\xaf" "g\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "abcdefg\n");
	assert_int_equal(s.format_chars, 6);
	assert_int_equal(s.bidi_controls + s.control_chars + s.invalid_bytes, 0);
	source_clear(&s);
}

/* Tag characters hide ASCII text ("ASCII smuggling": U+E0000 + c is an
 * invisible c): removed and counted, but a subdivision flag (U+1F3F4, tags,
 * CANCEL TAG) keeps its tags. */
#define TAG(c) "\xf3\xa0\x80" c	/* U+E0000 + (c - 0x80), c in 0xA0..0xBF */
#define TAG2(c) "\xf3\xa0\x81" c	/* U+E0040 + (c - 0x80) */
#define SCOTLAND "\xf0\x9f\x8f\xb4" TAG2("\xa7") TAG2("\xa2") TAG2("\xb3") \
	TAG2("\xa3") TAG2("\xb4") TAG2("\xbf")	/* 🏴 g b s c t, cancel */

static void
test_tags(void **state)
{
	(void)state;
	/* "Hi" hidden after "ok", a language tag, then a real flag twice */
	const char in[] = "ok" TAG2("\x88") TAG2("\xa9") " \xf3\xa0\x80\x81" TAG2("\xa5")
		" " SCOTLAND SCOTLAND "!\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "ok  " SCOTLAND SCOTLAND "!\n");
	assert_int_equal(s.format_chars, 4);
	source_clear(&s);
	/* a tag after a flag's CANCEL TAG is outside it */
	const char in2[] = SCOTLAND TAG2("\xa1") "\n";
	assert_int_equal(source_from_memory("m", in2, sizeof in2 - 1, &s, &err), 0);
	assert_string_equal(s.data, SCOTLAND "\n");
	assert_int_equal(s.format_chars, 1);
	source_clear(&s);
}

/* U+2028 is a line break, U+2029 a paragraph break (a blank line). */
static void
test_separators(void **state)
{
	(void)state;
	const char in[] = "one\xe2\x80\xa8two\xe2\x80\xa9three\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "one\ntwo\n\nthree\n");
	assert_int_equal(s.format_chars + s.bidi_controls + s.control_chars +
			 s.invalid_bytes, 0);
	source_clear(&s);
}

/* Format characters that cannot reorder or hide text stay as they are:
 * SOFT HYPHEN, ZWSP, ZWNJ (Persian), ZWJ (emoji), WORD JOINER; and so do
 * right-to-left letters themselves. */
static void
test_format_kept(void **state)
{
	(void)state;
	const char in[] = "co\xc2\xad" "operation a\xe2\x80\x8b" "b "
		"\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85 "
		"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb x\xe2\x81\xa0y "
		"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("m", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, in);
	assert_int_equal(s.format_chars + s.bidi_controls + s.control_chars +
			 s.invalid_bytes, 0);
	source_clear(&s);
}

/* The report names the file and each kind of change, or is NULL. */
static void
test_report(void **state)
{
	(void)state;
	const char in[] = "a\xff" "b\x1b" "c" RLO "d\xe2\x80\x8f" "e\xe2\x80\x8e\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("doc.txt", in, sizeof in - 1, &s, &err), 0);
	char *r = source_report(&s, "lectern: ");
	assert_non_null(r);
	assert_string_equal(r,
		"lectern: doc.txt: 1 invalid UTF-8 byte shown as U+FFFD\n"
		"lectern: doc.txt: 1 control character shown as visible symbols such as ␛\n"
		"lectern: doc.txt: 1 bidirectional text control (U+202A-U+202E, "
		"U+2066-U+2069) shown as arrows such as ⇚, not applied\n"
		"lectern: doc.txt: 2 invisible direction marks or format characters "
		"removed (LRM, RLM, ALM, U+FEFF, tags)\n");
	free(r);
	source_clear(&s);
	assert_int_equal(source_from_memory("ok.txt", "fine\n", 5, &s, &err), 0);
	assert_null(source_report(&s, ""));
	source_clear(&s);
}

/* A file name goes into messages printed on a terminal: its controls,
 * bidi controls and invalid bytes appear in their visible forms there (and
 * only there: s.name stays the name as given). */
static void
test_name_shown_safely(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/a\x1b]0;pwned\x07" RLO "txt.\xff", tmpdir);
	source s;
	char *err = NULL;
	assert_int_equal(source_load(path, &s, &err), -1);
	assert_non_null(strstr(err, "/a␛]0;pwned␇⇚txt.\xef\xbf\xbd: no such file"));
	assert_null(strchr(err, '\x1b'));
	assert_false(has_bytes(err, strlen(err), RLO));
	free(err);

	char *p = tmp_file("b\x1b" RLO ".txt", "x\x7f\n", 3);
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_string_equal(s.name, p);
	char *r = source_report(&s, "");
	assert_non_null(strstr(r, "/b␛⇚.txt: 1 control character"));
	assert_null(strchr(r, '\x1b'));
	free(r);
	source_clear(&s);
	free(p);
}

/* The scan skips printable ASCII eight bytes at a time: a control, DEL or
 * non-ASCII byte is found at every offset, next to the edge values 0x20
 * and 0x7E that are kept. */
static void
test_every_offset(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } cases[] = {
		{ "\x1b", "\xe2\x90\x9b" }, { "\x1f", "\xe2\x90\x9f" },
		{ "\x7f", "\xe2\x90\xa1" }, { "\x01", "\xe2\x90\x81" },
		{ "\xc2\x85", "\xef\xbf\xbd" }, { "\xff", "\xef\xbf\xbd" },
		{ RLO, "⇚" }, { "\xe2\x80\x8f", "" }, { "\r", "\n" },
	};
	const char *fill = " ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~";	/* 0x20, 0x7E */
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++)
		for (size_t at = 0; at < 20; at++) {
			char in[64], want[64];
			snprintf(in, sizeof in, "%.*s%s%.*s", (int)at, fill,
				 cases[c].in, (int)(19 - at), fill + at);
			snprintf(want, sizeof want, "%.*s%s%.*s", (int)at, fill,
				 cases[c].out, (int)(19 - at), fill + at);
			source s;
			char *err = NULL;
			assert_int_equal(source_from_memory("m", in, strlen(in), &s, &err), 0);
			assert_string_equal(s.data, want);
			assert_int_equal(s.len, strlen(want));
			source_clear(&s);
		}
}

static void
test_long_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	char *big = malloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : 'a' + i % 7;
	char *p = tmp_file("long.txt", big, n);
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_int_equal(s.len, n);
	assert_memory_equal(s.data, big, n);
	assert_int_equal(s.data[n], '\0');
	source_clear(&s);
	free(big);
	free(p);
}

/* Larger than SOURCE_MAX_BYTES: refused from its size (a sparse file, so
 * the test writes nothing). */
static void
test_too_large(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/huge.txt", tmpdir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)SOURCE_MAX_BYTES + 1), 0);
	close(fd);
	expect_error(path, "too large");
}

/* A PDF: converted when pdftotext is installed, else a message naming it. */
static void
test_pdf(void **state)
{
	(void)state;
	char *p = tmp_file("doc.pdf", "%PDF-1.4\nnot really\n", 20);
	source s;
	char *err = NULL;
	if (source_load(p, &s, &err) == 0) {
		assert_int_equal(s.from_pdf, 1);
		source_clear(&s);
	} else {
		assert_non_null(strstr(err, p));
		assert_non_null(strstr(err, "pdf"));
		free(err);
	}
	free(p);
}

/* The PDF path with a stand-in pdftotext on PATH (the real one may not be
 * installed): its output is cleaned like any text, from a file and from
 * memory (through a temporary file). */
static void
test_pdf_converted(void **state)
{
	(void)state;
	char bin[128], script[160];
	snprintf(bin, sizeof bin, "%s/bin", tmpdir);
	assert_int_equal(mkdir(bin, 0755), 0);
	snprintf(script, sizeof script, "%s/pdftotext", bin);
	FILE *f = fopen(script, "w");
	assert_non_null(f);
	fputs("#!/bin/sh\n[ \"$1\" = -layout ] && [ -f \"$2\" ] || exit 2\n"
	      "printf 'Page one \\342\\200\\256x\\r\\n\\fPage two\\n'\n", f);
	fclose(f);
	assert_int_equal(chmod(script, 0755), 0);
	char *old = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	char *path = malloc(strlen(bin) + strlen(old) + 2);
	sprintf(path, "%s:%s", bin, old);
	setenv("PATH", path, 1);

	const char pdf[] = "%PDF-1.4\nnot really\n";
	char *p = tmp_file("conv.pdf", pdf, sizeof pdf - 1);
	source s;
	char *err = NULL;
	int rc = source_load(p, &s, &err);
	if (rc < 0)
		fail_msg("%s", err);
	assert_int_equal(s.from_pdf, 1);
	assert_string_equal(s.data, "Page one ⇚x\n\fPage two\n");
	assert_int_equal(s.bidi_controls, 1);
	source_clear(&s);
	assert_int_equal(source_from_memory("m.pdf", pdf, sizeof pdf - 1, &s, &err), 0);
	assert_string_equal(s.data, "Page one ⇚x\n\fPage two\n");
	source_clear(&s);

	setenv("PATH", old, 1);
	free(path);
	free(old);
	free(p);
}

/* Bytes that are not UTF-8 but read as Windows-1252 words are converted,
 * and the report says so; a stray bad byte in UTF-8 text is not. */
static void
test_cp1252(void **state)
{
	(void)state;
	const char in[] = "R\xe9solution adopt\xe9" "e par l\x92" "Assembl\xe9" "e g\xe9n\xe9rale "
		"\x96 \x93" "a\xf1o\x94 \x85\n";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("w.txt", in, sizeof in - 1, &s, &err), 0);
	assert_string_equal(s.data, "Résolution adoptée par l’Assemblée générale – “año” …\n");
	assert_string_equal(s.encoding, "Windows-1252");
	assert_int_equal(s.invalid_bytes, 0);
	char *r = source_report(&s, "lectern: ");
	assert_non_null(r);
	assert_string_equal(r, "lectern: w.txt: converted from Windows-1252\n");
	free(r);
	source_clear(&s);
	/* Cyrillic in Windows-1251 */
	const char ru[] = "\xc3\xe5\xed\xe5\xf0\xe0\xeb\xfc\xed\xe0\xff \xc0\xf1\xf1\xe0\xec\xe1"
		"\xeb\xe5\xff \xef\xee\xf1\xf2\xe0\xed\xee\xe2\xeb\xff\xe5\xf2:\n";
	assert_int_equal(source_from_memory("r.txt", ru, sizeof ru - 1, &s, &err), 0);
	assert_string_equal(s.data, "Генеральная Ассамблея постановляет:\n");
	assert_string_equal(s.encoding, "Windows-1251");
	source_clear(&s);
	/* Not text in any code page: a lone byte between spaces, a C1 byte,
	 * and UTF-8 with one bad byte among many good characters. */
	const char *const keep[] = {
		"a bad byte \xff here\n",
		"Bytes \xff\xfe and \xfd\xfc here\n",
		"caf\xe9 \x81\n",
		"Café, éte, año, último \xe9t\xe9 déjà vu, ça, où, être.\n",
	};
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
		assert_int_equal(source_from_memory("k.txt", keep[i], strlen(keep[i]), &s, &err), 0);
		assert_null(s.encoding);
		assert_true(s.invalid_bytes > 0);
		source_clear(&s);
	}
}

/* The outline of a loaded text (export_outline), malloc'd. */
static char *
outline_of(const source *s)
{
	doc *d = parse_document(s->name, s->data, s->len, NULL);
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	assert_non_null(f);
	assert_int_equal(export_outline(d, f), 0);
	fclose(f);
	doc_free(d);
	return out;
}

static char *read_tree_file(const char *rel, size_t *n);

/* French in Windows-1252: one-letter words ("à", "À"), "œ" and "°" do not
 * stop the conversion, and a whole French document converted with iconv
 * reads as its UTF-8 original (same outline, no U+FFFD). */
static void
test_cp1252_french(void **state)
{
	(void)state;
	const struct { const char *in, *out; } cases[] = {
		{ "conform\xe9ment \xe0 la loi\n", "conformément à la loi\n" },
		{ "\xc0 Gen\xe8ve\n", "À Genève\n" },
		{ "\x9cuvre\n", "œuvre\n" },
		{ "20\xb0" "C\n", "20°C\n" },
		{ "\xc0 Gen\xe8ve, \xe0 20\xb0" "C, l\x92\x9cuvre\n", "À Genève, à 20°C, l’œuvre\n" },
	};
	source s;
	char *err = NULL;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(source_from_memory("f.txt", cases[i].in, strlen(cases[i].in),
						    &s, &err), 0);
		assert_string_equal(s.data, cases[i].out);
		assert_non_null(s.encoding);
		assert_string_equal(s.encoding, "Windows-1252");
		assert_int_equal(s.invalid_bytes, 0);
		source_clear(&s);
	}

	const char *rel = "tests/data/parse/corpus/fr_A_HRC_WG.6_7_ITA_1.txt";
	size_t n = 0;
	char *utf8 = read_tree_file(rel, &n);
	assert_non_null(utf8);
	iconv_t cd = iconv_open("CP1252//TRANSLIT", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *cp = malloc(n + 1);
	assert_non_null(cp);
	char *ip = utf8, *op = cp;
	size_t left = n, room = n;
	assert_true(iconv(cd, &ip, &left, &op, &room) != (size_t)-1);
	iconv_close(cd);
	size_t cp_n = (size_t)(op - cp);

	assert_int_equal(source_from_memory(rel, utf8, n, &s, &err), 0);
	assert_null(s.encoding);
	char *want = outline_of(&s);
	source_clear(&s);
	assert_int_equal(source_from_memory(rel, cp, cp_n, &s, &err), 0);
	assert_non_null(s.encoding);
	assert_string_equal(s.encoding, "Windows-1252");
	assert_int_equal(s.invalid_bytes, 0);
	assert_null(strstr(s.data, "\xef\xbf\xbd"));
	char *got = outline_of(&s);
	assert_string_equal(got, want);
	char *r = source_report(&s, "");
	assert_non_null(strstr(r, "converted from Windows-1252"));
	free(r);
	free(got);
	free(want);
	source_clear(&s);
	free(cp);
	free(utf8);
}

/* UTF-16 with a byte order mark (LE and BE) is converted, not refused as
 * binary; a lone surrogate or a cut unit becomes U+FFFD. */
static void
test_utf16(void **state)
{
	(void)state;
	/* "Hé\r\n👩 x" */
	const char le[] = "\xff\xfe" "H\0\xe9\0\r\0\n\0\x3d\xd8\x69\xdc \0x\0";
	const char be[] = "\xfe\xff" "\0H\0\xe9\0\r\0\n\xd8\x3d\xdc\x69\0 \0x";
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("le.txt", le, sizeof le - 1, &s, &err), 0);
	assert_string_equal(s.data, "Hé\n👩 x");
	assert_string_equal(s.encoding, "UTF-16LE");
	assert_int_equal(s.invalid_bytes, 0);
	source_clear(&s);
	char *p = tmp_file("be.txt", be, sizeof be - 1);
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_string_equal(s.data, "Hé\n👩 x");
	assert_string_equal(s.encoding, "UTF-16BE");
	char *r = source_report(&s, "");
	assert_non_null(strstr(r, "converted from UTF-16BE"));
	free(r);
	source_clear(&s);
	free(p);
	const char bad[] = "\xff\xfe" "a\0\x3d\xd8" "b\0c";	/* lone high surrogate, odd end */
	assert_int_equal(source_from_memory("bad.txt", bad, sizeof bad - 1, &s, &err), 0);
	assert_string_equal(s.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	assert_int_equal(s.invalid_bytes, 2);
	source_clear(&s);
	/* A NUL character in UTF-16 is still a binary file. */
	const char nul[] = "\xff\xfe" "a\0\0\0b\0";
	assert_int_equal(source_from_memory("nul.txt", nul, sizeof nul - 1, &s, &err), -1);
	assert_non_null(strstr(err, "binary"));
	free(err);
}

/* UTF-16 of text in the given code units (LE or BE), malloc'd, 2 * n bytes. */
static char *
utf16_of(const char *utf8, int be, size_t *n)
{
	iconv_t cd = iconv_open(be ? "UTF-16BE" : "UTF-16LE", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t left = strlen(utf8), room = left * 4 + 4;
	char *out = malloc(room), *op = out, *ip = (char *)utf8;
	assert_non_null(out);
	assert_true(iconv(cd, &ip, &left, &op, &room) != (size_t)-1);
	iconv_close(cd);
	*n = (size_t)(op - out);
	return out;
}

/* UTF-16 with no byte order mark (iconv -t utf-16le or utf-16be) of an
 * English or Russian text is told by its NUL bytes and converted, and the
 * report says so; a binary, or UTF-16-like bytes that convert to control
 * characters, stay refused. */
static void
test_utf16_no_bom(void **state)
{
	(void)state;
	const char *const texts[] = {
		"General Assembly\nResolution adopted on 5 May 2025\n",
		"Генеральная Ассамблея постановляет:\n1. просит Генерального секретаря\n",
	};
	for (size_t t = 0; t < 2; t++) {
		for (int be = 0; be < 2; be++) {
			size_t n = 0;
			char *in = utf16_of(texts[t], be, &n);
			source s;
			char *err = NULL;
			assert_int_equal(source_from_memory("u.txt", in, n, &s, &err), 0);
			assert_string_equal(s.data, texts[t]);
			assert_non_null(s.encoding);
			assert_string_equal(s.encoding, be ? "UTF-16BE" : "UTF-16LE");
			char *r = source_report(&s, "");
			assert_string_equal(r, be ? "u.txt: converted from UTF-16BE (no byte order mark)\n"
					    : "u.txt: converted from UTF-16LE (no byte order mark)\n");
			free(r);
			source_clear(&s);
			char *p = tmp_file("u16.txt", in, n);
			assert_int_equal(source_load(p, &s, &err), 0);
			assert_string_equal(s.data, texts[t]);
			source_clear(&s);
			free(p);
			free(in);
		}
	}
	/* a binary: NUL bytes on both sides of the units */
	unsigned char bin[512];
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (unsigned char)(i % 7 == 0 ? 0 : (i * 37 + 11) & 0xFF);
	char *p = tmp_file("bin16.dat", (const char *)bin, sizeof bin);
	expect_error(p, "binary file (NUL bytes)");
	free(p);
	/* every other byte NUL, but the units are control characters */
	const char ctl[] = "A\0\x01\0B\0\x02\0C\0\x03\0D\0\x04\0";
	p = tmp_file("ctl16.dat", ctl, sizeof ctl - 1);
	expect_error(p, "binary file (NUL bytes)");
	free(p);
}

/* A byte order mark alone (UTF-8 or UTF-16), or with blanks, is an empty
 * file, like one of 0 bytes. */
static void
test_bom_only(void **state)
{
	(void)state;
	const struct { const char *bytes; size_t n; const char *msg; } cases[] = {
		{ "\xef\xbb\xbf", 3, "empty file (only a byte order mark)" },
		{ "\xef\xbb\xbf \n\n", 6, "empty file (only spaces" },
		{ "\xff\xfe", 2, "empty file (only a byte order mark)" },
		{ "\xfe\xff", 2, "empty file (only a byte order mark)" },
		{ "\xff\xfe \0\n\0", 6, "empty file (only spaces" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		source s;
		char *err = NULL;
		char *p = tmp_file("bom.txt", cases[i].bytes, cases[i].n);
		assert_int_equal(source_load(p, &s, &err), -1);
		assert_non_null(strstr(err, cases[i].msg));
		assert_non_null(strstr(err, p));
		free(err);
		free(p);
		assert_int_equal(source_from_memory("m", cases[i].bytes, cases[i].n, &s, &err), -1);
		assert_non_null(strstr(err, cases[i].msg));
		free(err);
	}
}

/* The source text of a file in the tree (top_srcdir), or NULL. */
static char *
read_tree_file(const char *rel, size_t *n)
{
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	char path[2048];
	snprintf(path, sizeof path, "%s/%s", top, rel);
	*n = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *b = NULL;
	size_t cap = 0;
	*n = 0;
	for (;;) {
		if (*n + 4096 > cap) {
			cap = cap * 2 + 8192;
			b = realloc(b, cap);
			assert_non_null(b);
		}
		size_t k = fread(b + *n, 1, cap - *n - 1, f);
		*n += k;
		if (k == 0)
			break;
	}
	fclose(f);
	b[*n] = '\0';
	return b;
}

/* Text garbled by a PDF font without a usable encoding is flagged:
 * Russian read as Latin-1 ("Ãåíåðàëüíàÿ"), and runs of symbols; French,
 * Spanish, English and Russian text never is (every corpus document). */
static void
test_garbled(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	/* "Генеральная Ассамблея, ссылаясь на свою резолюцию 75/1, постановляет
	 * следующее:" in Windows-1251, read as Latin-1, four times */
	for (int i = 0; i < 4; i++)
		buf_adds(&b, "Ãåíåðàëüíàÿ Àññàìáëåÿ, ññûëàÿñü íà ñâîþ ðåçîëþöèþ 75/1, "
			 "ïîñòàíîâëÿåò ñëåäóþùåå:\n");
	source s;
	char *err = NULL;
	assert_int_equal(source_from_memory("g.txt", b.s, b.len, &s, &err), 0);
	assert_int_equal(s.garbled, 1);
	assert_null(s.encoding);
	char *r = source_report(&s, "");
	assert_non_null(strstr(r, "g.txt: the text looks garbled"));
	free(r);
	source_clear(&s);
	buf_clear(&b);
	buf_init(&b);
	for (int i = 0; i < 6; i++)
		buf_adds(&b, "1. !\"#$%& '()*+, -./ :;<=> ?@[\\]^ {|}~!\" #$%&'()\n");
	assert_int_equal(source_from_memory("s.txt", b.s, b.len, &s, &err), 0);
	assert_int_equal(s.garbled, 1);
	source_clear(&s);
	buf_clear(&b);
	/* A short text is not judged. */
	assert_int_equal(source_from_memory("x", "Ãåíåðàëüíàÿ\n", 23, &s, &err), 0);
	assert_int_equal(s.garbled, 0);
	source_clear(&s);

	/* The corpus: 47 documents in four languages, none flagged, none
	 * converted. */
	static const char *const dirs[] = { "tests/data/parse/corpus", "data" };
	size_t seen = 0;
	for (size_t d = 0; d < 2; d++) {
		const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "cd '%s/%s' && ls *.txt", top, dirs[d]);
		FILE *ls = popen(cmd, "r");
		assert_non_null(ls);
		char name[512];
		while (fgets(name, sizeof name, ls)) {
			name[strcspn(name, "\n")] = '\0';
			char rel[1024];
			snprintf(rel, sizeof rel, "%s/%s", dirs[d], name);
			size_t n = 0;
			char *text = read_tree_file(rel, &n);
			assert_non_null(text);
			assert_int_equal(source_from_memory(rel, text, n, &s, &err), 0);
			if (s.garbled || s.encoding)
				fail_msg("%s: flagged (garbled %d, encoding %s)", rel, s.garbled,
					 s.encoding ? s.encoding : "-");
			source_clear(&s);
			free(text);
			seen++;
		}
		pclose(ls);
	}
	assert_true(seen >= 48);
}

/* A PDF whose pdftotext output is only form feeds (a scan) is refused
 * with what to do; with the real pdftotext when installed, on a one-page
 * PDF written here that draws a grey box and no text. */
static void
test_pdf_scan(void **state)
{
	(void)state;
	const char pdf[] = "%PDF-1.4\n"
		"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
		"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
		"4 0 obj<</Length 24>>stream\n0.5 g 72 72 468 648 re f\nendstream\nendobj\n"
		"trailer<</Root 1 0 R>>\n%%EOF\n";
	char *p = tmp_file("scan.pdf", pdf, sizeof pdf - 1);
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), -1);
	if (strstr(err, "install poppler-utils")) {
		/* no pdftotext here: the stand-in below still checks the rule */
		free(err);
	} else {
		assert_non_null(strstr(err, p));
		assert_non_null(strstr(err, "no text in this PDF: it is a scan; run OCR first "
					"(e.g. ocrmypdf)"));
		free(err);
	}
	free(p);

	char bin[128], script[160];
	snprintf(bin, sizeof bin, "%s/scanbin", tmpdir);
	assert_int_equal(mkdir(bin, 0755), 0);
	snprintf(script, sizeof script, "%s/pdftotext", bin);
	FILE *f = fopen(script, "w");
	assert_non_null(f);
	fputs("#!/bin/sh\nprintf '\\f\\n\\f'\n", f);
	fclose(f);
	assert_int_equal(chmod(script, 0755), 0);
	char *old = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	char *path = malloc(strlen(bin) + strlen(old) + 2);
	sprintf(path, "%s:%s", bin, old);
	setenv("PATH", path, 1);
	assert_int_equal(source_from_memory("m.pdf", pdf, sizeof pdf - 1, &s, &err), -1);
	assert_string_equal(err, "m.pdf: no text in this PDF: it is a scan; run OCR first "
			    "(e.g. ocrmypdf)");
	free(err);
	setenv("PATH", old, 1);
	free(path);
	free(old);
}

static void
test_plain_ok(void **state)
{
	(void)state;
	const char *txt = "Hola, ¿qué tal?\n";
	char *p = tmp_file("ok.txt", txt, strlen(txt));
	source s;
	char *err = NULL;
	assert_int_equal(source_load(p, &s, &err), 0);
	assert_string_equal(s.data, "Hola, ¿qué tal?\n");
	assert_string_equal(s.name, p);
	assert_int_equal(s.invalid_bytes + s.control_chars + (size_t)s.from_pdf, 0);
	source_clear(&s);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_bidi_controls),
		cmocka_unit_test(test_trojan_source),
		cmocka_unit_test(test_marks_removed),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_format_kept),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_every_offset),
		cmocka_unit_test(test_name_shown_safely),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_pdf_converted),
		cmocka_unit_test(test_plain_ok),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_cp1252_french),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_utf16_no_bom),
		cmocka_unit_test(test_bom_only),
		cmocka_unit_test(test_garbled),
		cmocka_unit_test(test_pdf_scan),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
