/* test_text: display widths as the terminal draws them, grapheme clipping
 * and motion, unsafe characters and their visible forms. */
#include <build-config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <stdlib.h>
#include <unilbrk.h>

#include <unistr.h>

#include "text.h"

static int
w(const char *s)
{
	return text_width(s, strlen(s));
}

static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(w(""), 0);
	assert_int_equal(w("abc"), 3);
	assert_int_equal(w("é"), 1);			/* precomposed */
	assert_int_equal(w("e\xcc\x81"), 1);		/* e + combining acute */
	assert_int_equal(w("información"), 11);
	assert_int_equal(w("Съешь ещё"), 9);
	assert_int_equal(w("日本語"), 6);		/* wide CJK */
	assert_int_equal(w("ｱ"), 1);			/* halfwidth katakana */
	assert_int_equal(w("Ａ"), 2);			/* fullwidth A */
	assert_int_equal(w("🇪🇸"), 2);			/* flag: two RIs of 1 */
	assert_int_equal(w("😀"), 2);
	assert_int_equal(w("a\xc2\xad" "b"), 3);	/* soft hyphen: 1, as wcwidth */
	assert_int_equal(w("\xe2\x80\x8b"), 0);		/* zero width space */
	assert_int_equal(w("\xe4\xb7\x80"), 2);		/* U+4DC0: glibc says 2 */
	assert_int_equal(w("\xe0\xb2\xbf"), 0);		/* U+0CBF: glibc says 0 */
	/* Unsafe characters count as their one-column stand-ins. */
	assert_int_equal(w("a\x1b[31m"), 1 + 1 + 4);	/* ␛ */
	assert_int_equal(w("\t"), 1);			/* ␉ */
	assert_int_equal(w("\x7f"), 1);			/* ␡ */
	assert_int_equal(w("\xc2\x9b"), 1);		/* C1 CSI: U+FFFD */
	assert_int_equal(w("\xe2\x80\xa8"), 1);		/* U+2028 as U+FFFD */
	assert_int_equal(w("\xf0\xb0\x80\x80"), 2);	/* U+30000 CJK ext G */
	assert_int_equal(w("\xef\xbf\xbd"), 1);		/* U+FFFD */
	assert_int_equal(w("\xff"), 1);			/* invalid byte as U+FFFD */
}

static void
test_unsafe(void **state)
{
	(void)state;
	char v[TEXT_VISIBLE_MAX];
	size_t len;
	assert_int_equal(text_is_unsafe("a", 1), 0);
	assert_int_equal(text_is_unsafe("é", 2), 0);
	assert_int_equal(text_is_unsafe("\x1b", 1), 1);
	assert_int_equal(text_is_unsafe("\n", 1), 1);
	assert_int_equal(text_is_unsafe("\xc2\x85", 2), 2);	/* NEL */
	assert_int_equal(text_is_unsafe("\xe2\x80\xa9", 3), 3);	/* U+2029 */
	assert_int_equal(text_is_unsafe("\xcd\xb8", 2), 2);	/* U+0378 unassigned */
	assert_int_equal(text_is_unsafe("", 0), 0);

	assert_int_equal(text_safe_run("abc\x1b" "def", 7), 3);
	assert_int_equal(text_safe_run("жé日🇪🇸", strlen("жé日🇪🇸")), strlen("жé日🇪🇸"));
	assert_int_equal(text_safe_run("a\xc2\x9b", 3), 1);
	assert_int_equal(text_safe_run("\xff", 1), 0);	/* invalid byte */
	assert_int_equal(text_safe_run("ab\xe2\x80\xa8", 5), 2);	/* U+2028 */
	assert_int_equal(text_safe_run("", 0), 0);
	assert_int_equal(text_visible("\x1b", 1, v, &len), 3);
	assert_string_equal(v, "␛");
	assert_int_equal(len, 1);
	text_visible("\x7f", 1, v, &len);
	assert_string_equal(v, "␡");
	text_visible("\x01", 1, v, &len);
	assert_string_equal(v, "␁");
	text_visible("\t", 1, v, &len);
	assert_string_equal(v, "␉");
	assert_int_equal(text_visible("\xc2\x9b", 2, v, &len), 3);
	assert_string_equal(v, "\xef\xbf\xbd");
	assert_int_equal(len, 2);
	text_visible("\xe2\x80\xa8", 3, v, &len);
	assert_string_equal(v, "\xef\xbf\xbd");
	assert_int_equal(len, 3);
	text_visible("ж!", 3, v, &len);
	assert_string_equal(v, "ж");
	assert_int_equal(len, 2);
	/* Every visible form is as wide as text_width says, and safe. */
	const char *samples[] = { "\x1b", "\t", "\x7f", "\xc2\x9b", "\xe2\x80\xa8", "\xcd\xb8" };
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		size_t n = text_visible(samples[i], strlen(samples[i]), v, &len);
		assert_int_equal(text_width(v, n), w(samples[i]));
		for (size_t k = 0; k < n; k += len) {
			assert_int_equal(text_is_unsafe(v + k, n - k), 0);
			text_char_cols(v + k, n - k, &len);
		}
	}
	/* text_visible_cp: NULL for a safe code point, else the same stand-in
	 * as text_visible, for every code point. */
	size_t vl = 0;
	assert_string_equal(text_visible_cp(0x1b, &vl), "␛");
	assert_int_equal(vl, 3);
	assert_string_equal(text_visible_cp(0x7f, NULL), "␡");
	assert_string_equal(text_visible_cp(0x9b, NULL), "\xef\xbf\xbd");
	assert_null(text_visible_cp('a', &vl));
	assert_null(text_visible_cp(0x436, NULL));	/* ж */
	for (uint32_t c = 0; c < 0x110000; c++) {
		if (c >= 0xD800 && c < 0xE000)
			continue;
		uint8_t u[8];
		int n = u8_uctomb(u, c, sizeof u);
		assert_true(n > 0);
		const char *cv = text_visible_cp(c, &vl);
		text_visible((const char *)u, (size_t)n, v, &len);
		if (cv) {
			assert_string_equal(cv, v);
			assert_int_equal(vl, strlen(cv));
			assert_true(text_is_unsafe((const char *)u, (size_t)n) > 0);
		} else {
			assert_memory_equal(u, v, (size_t)n);
			assert_int_equal(0, text_is_unsafe((const char *)u, (size_t)n));
		}
	}
}

/* Bidi controls are unsafe, drawn as distinct one-column arrows; what
 * source removes or turns into line breaks is unsafe too (U+FFFD), and the
 * harmless format characters are safe. */
static void
test_format(void **state)
{
	(void)state;
	static const uint32_t bidi[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
					 0x2066, 0x2067, 0x2068, 0x2069 };
	const char *seen[9];
	for (size_t i = 0; i < 9; i++) {
		uint32_t c = bidi[i];
		assert_int_equal(text_format_class(c), TEXT_FMT_BIDI);
		size_t vl = 0;
		const char *v = text_visible_cp(c, &vl);
		assert_non_null(v);
		assert_int_equal(vl, 3);
		assert_int_equal(text_width(v, vl), 1);
		assert_int_equal(text_is_unsafe(v, vl), 0);
		assert_string_not_equal(v, "\xef\xbf\xbd");
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(v, seen[j]);
		seen[i] = v;
		uint8_t u[4];
		assert_int_equal(u8_uctomb(u, c, 4), 3);
		assert_int_equal(text_is_unsafe((const char *)u, 3), 3);
		assert_int_equal(text_width((const char *)u, 3), 1);
	}
	assert_string_equal(text_visible_cp(0x202E, NULL), "⇚");
	assert_int_equal(text_safe_run("ab\xe2\x80\xae" "cd", 7), 2);
	static const uint32_t dropped[] = { 0x200E, 0x200F, 0x061C, 0xFEFF,
					    0x206A, 0x206F };
	for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++) {
		assert_int_equal(text_format_class(dropped[i]), TEXT_FMT_DROP);
		assert_string_equal(text_visible_cp(dropped[i], NULL), "\xef\xbf\xbd");
	}
	assert_int_equal(text_format_class(0x2028), TEXT_FMT_LINE);
	assert_int_equal(text_format_class(0x2029), TEXT_FMT_PARA);
	assert_int_equal(text_format_class(0xE0041), TEXT_FMT_TAG);
	assert_int_equal(text_format_class(0xE007F), TEXT_FMT_TAG);
	assert_null(text_visible_cp(0xE0041, NULL));	/* a flag's tags stay */
	assert_int_equal(text_format_class(0xE0100), TEXT_FMT_KEEP);	/* VS17 */
	static const uint32_t kept[] = { 'a', 0x00AD, 0x200B, 0x200C, 0x200D,
					 0x2060, 0x2065, 0x2070, 0x202F, 0x0627 };
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
		assert_int_equal(text_format_class(kept[i]), TEXT_FMT_KEEP);
	assert_null(text_visible_cp(0x200D, NULL));	/* ZWJ: emoji need it */

	size_t n;
	char *d = text_visible_dup("a\x1b[1m\xe2\x80\xae\xff\nж", 12, &n);
	assert_string_equal(d, "a␛[1m⇚\xef\xbf\xbd␊ж");
	assert_int_equal(n, strlen(d));
	free(d);
	d = text_visible_dup("", 0, NULL);
	assert_string_equal(d, "");
	free(d);
	assert_null(text_visible_cp(0x00AD, NULL));
}

static void
test_fit(void **state)
{
	(void)state;
	int used;
	const char *s = "supercalifragilistic";
	assert_int_equal(text_fit(s, strlen(s), 9, &used), 9);
	assert_int_equal(used, 9);
	s = "日本語テキスト";
	assert_int_equal(text_fit(s, strlen(s), 9, &used), 12);	/* 4 chars */
	assert_int_equal(used, 8);
	/* A flag and e + combining mark are never split. */
	s = "Ёжик e\xcc\x81" "🇪🇸!";
	assert_int_equal(text_fit(s, strlen(s), 9, &used), 21);
	assert_int_equal(used, 9);
	assert_int_equal(text_fit(s, strlen(s), 7, &used), 12);	/* "Ёжик é" */
	assert_int_equal(used, 6);
	assert_int_equal(text_fit("e\xcc\x81", 3, 1, &used), 3);
	assert_int_equal(text_fit("日", 3, 1, &used), 0);	/* wider than 1 */
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("abc", 3, 0, NULL), 0);
	assert_int_equal(text_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
	/* A long string beyond the first window. */
	char big[5000];
	memset(big, 'x', sizeof big);
	memcpy(big + 4000, "é", 2);
	assert_int_equal(text_fit(big, sizeof big, 4500, &used), 4501);
	assert_int_equal(used, 4500);
	/* Many combining marks on one base: one cluster. */
	char marks[2 + 2 * 600];
	marks[0] = 'a';
	for (int i = 0; i < 600; i++)
		memcpy(marks + 1 + 2 * i, "\xcc\x81", 2);
	marks[1 + 1200] = 'b';
	assert_int_equal(text_fit(marks, 1202, 1, &used), 1201);
	assert_int_equal(used, 1);
}

/* One cluster of 100 KB (emoji joined by ZWJ; a letter with combining
 * marks) is cut every TEXT_GRAPHEME_MAX_CPS code points, so that no line or
 * cursor step scans the whole of it. */
static void
test_long_cluster(void **state)
{
	(void)state;
	const char woman[] = "\xf0\x9f\x91\xa9", zwj[] = "\xe2\x80\x8d";
	size_t cap = 100 * 1024 + 16, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	memcpy(s, woman, 4);
	n = 4;
	while (n + 7 <= 100 * 1024) {
		memcpy(s + n, zwj, 3);
		memcpy(s + n + 3, woman, 4);
		n += 7;
	}
	/* A cut cluster: TEXT_GRAPHEME_MAX_CPS / 2 emoji (2 columns each) and
	 * as many ZWJ (0 columns). */
	size_t cl_bytes = TEXT_GRAPHEME_MAX_CPS / 2 * 7;
	int cl_cols = TEXT_GRAPHEME_MAX_CPS;
	int used;
	assert_int_equal(text_fit(s, n, 2 * cl_cols, &used), 2 * cl_bytes);
	assert_int_equal(used, 2 * cl_cols);
	assert_int_equal(text_fit(s, n, 2 * cl_cols - 1, &used), cl_bytes);
	assert_int_equal(used, cl_cols);
	assert_int_equal(text_fit(s, n, cl_cols - 1, &used), 0);
	/* Cursor steps: never more than the bound, and they reach the end. */
	size_t steps = 0, cps = 0;
	for (size_t i = 0; i < n; steps++) {
		size_t j = text_next_grapheme(s, n, i);
		assert_true(j > i);
		size_t k = u8_mbsnlen((const uint8_t *)s + i, j - i);
		assert_true(k <= TEXT_GRAPHEME_MAX_CPS);
		cps += k;
		i = j;
	}
	assert_int_equal(cps, u8_mbsnlen((const uint8_t *)s, n));
	assert_true(steps >= cps / TEXT_GRAPHEME_MAX_CPS);
	assert_int_equal(text_prev_grapheme(s, n, cl_bytes + 3), cl_bytes);
	/* A letter and 50,000 combining acute accents: one column in all,
	 * whatever the cuts. */
	n = 0;
	s[n++] = 'a';
	while (n + 2 <= 100 * 1024) {
		memcpy(s + n, "\xcc\x81", 2);
		n += 2;
	}
	assert_int_equal(text_fit(s, n, 1, &used), n);
	assert_int_equal(used, 1);
	assert_int_equal(text_next_grapheme(s, n, 0), 1 + 2 * (TEXT_GRAPHEME_MAX_CPS - 1));
	free(s);
}

static void
test_grapheme_motion(void **state)
{
	(void)state;
	/* |é|🇪🇸|👩‍💻|x| with é decomposed */
	const char *s = "e\xcc\x81" "🇪🇸" "👩\xe2\x80\x8d💻" "x";
	size_t n = strlen(s);
	size_t b[] = { 0, 3, 11, 22, 23 };
	size_t i = 0;
	for (int k = 1; k < 5; k++) {
		i = text_next_grapheme(s, n, i);
		assert_int_equal(i, b[k]);
	}
	assert_int_equal(text_next_grapheme(s, n, n), n);
	for (int k = 3; k >= 0; k--) {
		i = text_prev_grapheme(s, n, i);
		assert_int_equal(i, b[k]);
	}
	assert_int_equal(text_prev_grapheme(s, n, 0), 0);
	/* Several flags in a row pair up from the start. */
	const char *f = "🇪🇸🇫🇷🇷🇺";
	assert_int_equal(text_next_grapheme(f, strlen(f), 8), 16);
	assert_int_equal(text_prev_grapheme(f, strlen(f), 16), 8);
	assert_int_equal(text_prev_grapheme(f, strlen(f), strlen(f)), 16);
}

/* text_linebreaks must equal u8_possible_linebreaks everywhere. */
static void
same_breaks(const char *s, size_t n)
{
	char want[256], got[256];
	assert_true(n <= sizeof want);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", want);
	text_linebreaks(s, n, got);
	for (size_t i = 0; i < n; i++)
		if (want[i] != got[i]) {
			print_error("break %zu: libunistring %d, text_linebreaks %d in [%.*s]\n",
				    i, want[i], got[i], (int)n, s);
			fail();
		}
}

static void
test_linebreaks(void **state)
{
	(void)state;
	static const char *sentences[] = {
		"El pingüino Wenceslao hizo kilómetros bajo exhaustiva lluvia y frío.",
		"Съешь же ещё этих мягких французских булок, да выпей чаю.",
		"L’Assemblée générale, « rappelant » sa résolution 74/306 – du 11 septembre 2020…",
		"the so-called “nuclear-weapon-free zones” (see A/75/251, para. 8(a)); 1,234.5 %",
		"(Firmado) Bakhtiyor Ibragimov\nRepresentante Permanente",
		"日本語のテキストは空白なしで改行できます。 mixed ascii",
		"well-known co-operation e.g. U.S.A. $100 -5 +5 50% [1] {x} a/b http://un.org/x?y=1",
		"soft\xc2\xadhyphen non\xc2\xa0" "breaking e\xcc\x81 zero\xe2\x80\x8bwidth",
	};
	for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++)
		same_breaks(sentences[i], strlen(sentences[i]));
	/* Random strings over every printable ASCII character and a set of
	 * others that break like ASCII (or must fall back). */
	static const char *alpha[] = {
		"é", "ñ", "Ё", "ж", "“", "”", "‘", "’", "«", "»", "–", "—", "…",
		"\xc2\xa0", "\xc2\xad", "\xcc\x81", "日", "\xe2\x80\x8b", "¿", "¡", "€", "°",
		"\n", " ", " ", " ",
	};
	size_t na = sizeof alpha / sizeof *alpha;
	srand(7);
	for (int k = 0; k < 30000; k++) {
		char buf[200];
		size_t n = 0;
		int len = 1 + rand() % 30;
		for (int j = 0; j < len; j++) {
			int r = rand() % (95 + (int)na);
			if (r < 95) {
				buf[n++] = (char)(0x20 + r);
			} else {
				const char *a = alpha[r - 95];
				memcpy(buf + n, a, strlen(a));
				n += strlen(a);
			}
		}
		same_breaks(buf, n);
	}
	/* Pure ASCII, where the fast path always applies. */
	for (int k = 0; k < 30000; k++) {
		char buf[40];
		int n = 1 + rand() % 39;
		for (int j = 0; j < n; j++)
			buf[j] = rand() % 20 == 0 ? '\n' : (char)(0x20 + rand() % 95);
		same_breaks(buf, (size_t)n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_unsafe),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_long_cluster),
		cmocka_unit_test(test_grapheme_motion),
		cmocka_unit_test(test_linebreaks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
