/* text: display widths, grapheme clipping and visible forms (text.h).
 *
 * Why not wcwidth() itself: it depends on the process locale (in "C" every
 * non-ASCII byte is invalid) and layout must be a pure function of the
 * document. uc_width("UTF-8") agrees with glibc 2.36's wcwidth on every
 * assigned code point but the ones in width_fixes[] (found by comparing the
 * two over all of Unicode on Debian 12); those take glibc's value. Unassigned
 * code points, where glibc says -1, are unsafe and drawn as U+FFFD.
 *
 * Grapheme clusters come from u8_grapheme_breaks over a whole window, never
 * u8_grapheme_next, which splits flags and ZWJ sequences in libunistring 1.0. */
#include <build-config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "util.h"

/* Code points where glibc 2.36 wcwidth differs from uc_width (and is
 * assigned): [first, last] -> cols. */
static const struct { ucs4_t first, last; int cols; } width_fixes[] = {
	{ 0x00AD, 0x00AD, 1 },	/* SOFT HYPHEN: the one that matters in books */
	{ 0x0600, 0x0605, 1 },	/* Arabic prepended number marks */
	{ 0x06DD, 0x06DD, 1 },
	{ 0x070F, 0x070F, 1 },
	{ 0x0890, 0x0891, 1 },
	{ 0x08E2, 0x08E2, 1 },
	{ 0x0CBF, 0x0CBF, 0 },	/* Kannada vowel signs */
	{ 0x0CC6, 0x0CC6, 0 },
	{ 0x3248, 0x324F, 2 },	/* circled numbers on black squares */
	{ 0x4DC0, 0x4DFF, 2 },	/* Yijing hexagram symbols */
	{ 0x110BD, 0x110BD, 1 },
	{ 0x110CD, 0x110CD, 1 },
	{ 0x11A07, 0x11A08, 0 },
	{ 0x11C3F, 0x11C3F, 0 },
};

enum unsafe_kind { SAFE, UNSAFE_C0, UNSAFE_C1, UNSAFE_BIDI, UNSAFE_OTHER };

/* Answers for the code points below CACHE_MAX (Latin, Greek, Cyrillic,
 * punctuation: nearly all of a UN document) are kept once computed:
 * libunistring's table lookups cost more than the rest of a width. */
#define CACHE_MAX 0x3000
static unsigned char kind_cache[CACHE_MAX];	/* 0 unknown, else kind + 1 */
static unsigned char cols_cache[CACHE_MAX];	/* 0 unknown, else cols + 1 */

static enum unsafe_kind classify_uncached(ucs4_t c);

static enum unsafe_kind
classify(ucs4_t c)
{
	if (c < 0x7F)
		return c < 0x20 ? UNSAFE_C0 : SAFE;
	if (c >= CACHE_MAX)
		return classify_uncached(c);
	if (!kind_cache[c])
		kind_cache[c] = (unsigned char)(classify_uncached(c) + 1);
	return (enum unsafe_kind)(kind_cache[c] - 1);
}

static enum unsafe_kind
classify_uncached(ucs4_t c)
{
	if (c < 0x20 || c == 0x7F)
		return UNSAFE_C0;
	if (c < 0x7F)
		return SAFE;
	if (c < 0xA0)
		return UNSAFE_C1;
	switch (text_format_class(c)) {
	case TEXT_FMT_BIDI:
		return UNSAFE_BIDI;
	case TEXT_FMT_KEEP:
	case TEXT_FMT_TAG:	/* zero width, harmless to a terminal */
		break;
	default:	/* dropped or a line break in the model; never drawn */
		return UNSAFE_OTHER;
	}
	if (c > 0x10FFFF || uc_is_general_category(c, UC_CATEGORY_Cn))
		return UNSAFE_OTHER;
	return SAFE;
}

int
text_format_class(uint32_t c)
{
	if (c > 0xFEFF)
		return c >= 0xE0000 && c <= 0xE007F ? TEXT_FMT_TAG : TEXT_FMT_KEEP;
	if (c < 0x061C)
		return TEXT_FMT_KEEP;
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return TEXT_FMT_BIDI;
	if (c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF ||
	    (c >= 0x206A && c <= 0x206F))
		return TEXT_FMT_DROP;
	if (c == 0x2028)
		return TEXT_FMT_LINE;
	if (c == 0x2029)
		return TEXT_FMT_PARA;
	return TEXT_FMT_KEEP;
}

static int cp_cols_uncached(ucs4_t c);

/* Width of one code point as drawn (visible form for unsafe ones). */
static int
cp_cols(ucs4_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c >= CACHE_MAX)
		return cp_cols_uncached(c);
	if (!cols_cache[c])
		cols_cache[c] = (unsigned char)(cp_cols_uncached(c) + 1);
	return cols_cache[c] - 1;
}

static int
cp_cols_uncached(ucs4_t c)
{
	if (classify(c) != SAFE)
		return 1;	/* its one-column stand-in */
	if (c >= 0x00AD && c <= 0x11C3F)
		for (size_t i = 0; i < ARRAY_LEN(width_fixes); i++)
			if (c >= width_fixes[i].first && c <= width_fixes[i].last)
				return width_fixes[i].cols;
	int w = uc_width(c, "UTF-8");
	return w < 0 ? 1 : w;
}

/* Decodes one code point; invalid bytes give U+FFFD and length 1. ASCII
 * and two-byte characters (Latin, Greek, Cyrillic) are decoded inline. */
static inline size_t
decode(const char *s, size_t n, ucs4_t *c)
{
	unsigned char b = (unsigned char)s[0];
	if (b < 0x80) {
		*c = b;
		return 1;
	}
	if (b >= 0xC2 && b < 0xE0 && n >= 2 && ((unsigned char)s[1] & 0xC0) == 0x80) {
		*c = ((ucs4_t)(b & 0x1F) << 6) | ((unsigned char)s[1] & 0x3F);
		return 2;
	}
	int k = u8_mbtouc(c, (const uint8_t *)s, n);
	return k > 0 ? (size_t)k : 1;
}

int
text_char_cols(const char *s, size_t n_bytes, size_t *len_bytes)
{
	if (n_bytes == 0) {
		if (len_bytes)
			*len_bytes = 0;
		return 0;
	}
	ucs4_t c;
	size_t k = decode(s, n_bytes, &c);
	if (len_bytes)
		*len_bytes = k;
	return cp_cols(c);
}

int
text_width(const char *s, size_t n_bytes)
{
	long w = 0;
	size_t i = 0;
	while (i < n_bytes) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {	/* the common case */
			w++;
			i++;
			continue;
		}
		ucs4_t c;
		i += decode(s + i, n_bytes - i, &c);
		w += cp_cols(c);
	}
	return w > INT32_MAX ? INT32_MAX : (int)w;
}

int
text_is_unsafe(const char *s, size_t n_bytes)
{
	if (n_bytes == 0)
		return 0;
	ucs4_t c;
	size_t k = decode(s, n_bytes, &c);
	return classify(c) == SAFE ? 0 : (int)k;
}

size_t
text_safe_run(const char *s, size_t n_bytes)
{
	size_t i = 0;
	while (i < n_bytes) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		ucs4_t c;
		size_t k = decode(s + i, n_bytes - i, &c);
		if (classify(c) != SAFE || (c == 0xFFFD && k == 1))
			break;
		i += k;
	}
	return i;
}

size_t
text_strip_marks(char *s, size_t n_bytes)
{
	size_t k = 0;
	for (size_t i = 0; i < n_bytes;) {
		ucs4_t c;
		size_t l = decode(s + i, n_bytes - i, &c);
		if (!uc_is_general_category(c, UC_CATEGORY_Mn)) {
			memmove(s + k, s + i, l);
			k += l;
		}
		i += l;
	}
	return k;
}

/* The control pictures U+2400 + c of the C0 controls, in UTF-8 (E2 90
 * 80+c); DEL's is U+2421. */
#define P(c) { '\xe2', '\x90', (char)(0x80 + (c)), 0 }
static const char c0_pictures[32][4] = {
	P(0), P(1), P(2), P(3), P(4), P(5), P(6), P(7),
	P(8), P(9), P(10), P(11), P(12), P(13), P(14), P(15),
	P(16), P(17), P(18), P(19), P(20), P(21), P(22), P(23),
	P(24), P(25), P(26), P(27), P(28), P(29), P(30), P(31),
};
#undef P
#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/* The arrows standing for the bidi controls (text.h), all in the Arrows
 * block (East Asian width N, one column everywhere; in DejaVu Sans Mono):
 * dashed for embeddings, triple for overrides, to-bar for isolates, the
 * arrow pointing the way the control would turn the text. */
static const char *const bidi_202a[5] = {
	"\xe2\x87\xa2",	/* LRE U+202A -> U+21E2 ⇢ */
	"\xe2\x87\xa0",	/* RLE U+202B -> U+21E0 ⇠ */
	"\xe2\x86\xa5",	/* PDF U+202C -> U+21A5 ↥ */
	"\xe2\x87\x9b",	/* LRO U+202D -> U+21DB ⇛ */
	"\xe2\x87\x9a",	/* RLO U+202E -> U+21DA ⇚ */
};
static const char *const bidi_2066[4] = {
	"\xe2\x87\xa5",	/* LRI U+2066 -> U+21E5 ⇥ */
	"\xe2\x87\xa4",	/* RLI U+2067 -> U+21E4 ⇤ */
	"\xe2\x87\x86",	/* FSI U+2068 -> U+21C6 ⇆ */
	"\xe2\x87\x9e",	/* PDI U+2069 -> U+21DE ⇞ */
};

const char *
text_visible_cp(uint32_t cp, size_t *len_bytes)
{
	const char *v;
	switch (classify(cp)) {
	case SAFE:
		return NULL;
	case UNSAFE_C0:
		v = cp == 0x7F ? "\xe2\x90\xa1" : c0_pictures[cp];
		break;
	case UNSAFE_BIDI:
		v = cp <= 0x202E ? bidi_202a[cp - 0x202A] : bidi_2066[cp - 0x2066];
		break;
	default:
		v = REPLACEMENT;
		break;
	}
	if (len_bytes)
		*len_bytes = 3;
	return v;
}

size_t
text_visible(const char *s, size_t n_bytes, char out[TEXT_VISIBLE_MAX], size_t *len_bytes)
{
	if (n_bytes == 0) {
		out[0] = '\0';
		if (len_bytes)
			*len_bytes = 0;
		return 0;
	}
	ucs4_t c;
	size_t k = decode(s, n_bytes, &c);
	if (len_bytes)
		*len_bytes = k;
	const char *v = text_visible_cp(c, NULL);
	if (!v && c == 0xFFFD && k == 1)	/* an invalid byte in the input */
		v = REPLACEMENT;
	if (v) {
		memcpy(out, v, 4);	/* three bytes and the NUL */
		return 3;
	}
	memcpy(out, s, k);
	out[k] = '\0';
	return k;
}

char *
text_visible_dup(const char *s, size_t n, size_t *out_bytes)
{
	buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	while (n > 0) {
		size_t k = text_safe_run(s, n);
		buf_add(&b, s, k);
		if (k == n)
			break;
		char v[TEXT_VISIBLE_MAX];
		size_t len;
		size_t vn = text_visible(s + k, n - k, v, &len);
		buf_add(&b, v, vn);
		s += k + len;
		n -= k + len;
	}
	if (out_bytes)
		*out_bytes = b.len;
	return buf_take(&b);
}

/* Grapheme breaks of s[0, n): p[i] = 1 iff a cluster starts at i (p[0] = 1
 * when n > 0). p holds n + 1 bytes; p[n] = 1. A break at i is decided by the
 * characters before i and the one at i, so breaks computed over a prefix are
 * right for every i whose character lies wholly inside the prefix.
 * A cluster is cut after TEXT_GRAPHEME_MAX_CPS code points (text.h): the cut
 * depends only on where the cluster starts, which is a break of the window
 * or its start. */
static void
breaks(const char *s, size_t n, char *p)
{
	if (n)
		u8_grapheme_breaks((const uint8_t *)s, n, p);
	p[n] = 1;
	size_t cps = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;	/* inside a character */
		if (p[i] || cps == TEXT_GRAPHEME_MAX_CPS) {
			p[i] = 1;
			cps = 0;
		}
		cps++;
	}
}

/* All-ASCII printable runs have a break between every two bytes except
 * inside "\r\n" (and controls are their own clusters): the fast path. */
static int
plain_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x20 || b >= 0x7F)
			return 0;
	}
	return 1;
}

size_t
text_fit(const char *s, size_t n_bytes, int cols, int *used_cols)
{
	if (cols <= 0 || n_bytes == 0) {
		if (used_cols)
			*used_cols = 0;
		return 0;
	}
	/* A window of the text is enough: cols clusters take at most a few
	 * bytes each unless they carry many marks; grow it when it runs out. */
	size_t win = (size_t)cols * 8 + 64;
	for (;;) {
		size_t m = win < n_bytes ? win : n_bytes;
		while (m < n_bytes && m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
			m--;	/* whole characters only */
		if (plain_ascii(s, m)) {
			size_t k = m < (size_t)cols ? m : (size_t)cols;
			if (k < m || m == n_bytes) {
				if (used_cols)
					*used_cols = (int)k;
				return k;
			}
		} else {
			char *p = xmalloc(m + 1);
			breaks(s, m, p);
			size_t fit = 0, start = 0;
			int w = 0, full = 0;
			for (size_t i = 1; i <= m; i++) {
				if (!p[i])
					continue;
				if (i == m && m < n_bytes)
					break;	/* unknown whether i ends a cluster */
				int cw = text_width(s + start, i - start);
				if (w + cw > cols) {
					full = 1;
					break;
				}
				w += cw;
				fit = start = i;
			}
			free(p);
			if (full || m == n_bytes) {
				if (used_cols)
					*used_cols = w;
				return fit;
			}
		}
		win *= 2;
	}
}

/* Context kept before i so that flags (regional indicator pairs) and ZWJ
 * sequences are seen whole. */
#define GRAPHEME_BACK 256
#define GRAPHEME_AHEAD 1024

/* The start of the character holding byte i (i itself if it starts one). */
static size_t
char_start(const char *s, size_t i)
{
	size_t k = 0;
	while (i > 0 && k < 3 && ((unsigned char)s[i] & 0xC0) == 0x80) {
		i--;
		k++;
	}
	return i;
}

size_t
text_next_grapheme(const char *s, size_t n_bytes, size_t i)
{
	if (i >= n_bytes)
		return n_bytes;
	size_t lo = char_start(s, i > GRAPHEME_BACK ? i - GRAPHEME_BACK : 0);
	size_t hi = n_bytes - i > GRAPHEME_AHEAD ? char_start(s, i + GRAPHEME_AHEAD) : n_bytes;
	if (hi <= i)
		hi = n_bytes;
	char *p = xmalloc(hi - lo + 1);
	breaks(s + lo, hi - lo, p);
	size_t j = i + 1;
	while (j < hi && !p[j - lo])
		j++;
	free(p);
	return j;
}

size_t
text_prev_grapheme(const char *s, size_t n_bytes, size_t i)
{
	if (i == 0)
		return 0;
	if (i > n_bytes)
		i = n_bytes;
	size_t lo = char_start(s, i > GRAPHEME_BACK ? i - GRAPHEME_BACK : 0);
	/* One more character after i, so the break at i is decided too. */
	size_t hi = i;
	if (hi < n_bytes) {
		ucs4_t c;
		hi += decode(s + hi, n_bytes - hi, &c);
	}
	char *p = xmalloc(hi - lo + 1);
	breaks(s + lo, hi - lo, p);
	size_t j = i - 1;
	while (j > lo && !p[j - lo])
		j--;
	free(p);
	return j;
}

/* Line breaks. libunistring 1.0 decides a break before a character from the
 * class of the last non-space character, whether spaces came between, and a
 * pair table. For ASCII the decisions of every pair (a, b), with and without
 * a space between, are learnt once from libunistring; a code point below
 * LB_CACHE_MAX that decides exactly like some ASCII character with every
 * ASCII character on either side (and with itself) is treated as that
 * character. Marks, format characters and spaces other than U+0020 are never
 * mapped: their rules depend on more than pairs. */
enum { LB_P, LB_I, LB_D };	/* prohibited, if spaces between, direct */
#define LB_CACHE_MAX 0x3000
#define LB_NONE 0xFF

static unsigned char lb_pair[128][128];	/* [last][next] for 0x21..0x7E */
/* The resulting UC_BREAK_* by [space between][last][next]; last 0 is the
 * start of a line (never a break). */
static char lb_out[2][128][128];
static int lb_ready;
static unsigned char lb_rep[LB_CACHE_MAX];	/* 0 unknown, LB_NONE, else ASCII */
/* ASCII letters and digits, when libunistring allows no break between any
 * two of them (learnt in lb_init; else all 0 and the fast run is off). */
static unsigned char lb_alnum[256];

/* Decision before b (bytes, nb) after a (na), with or without a space. */
static int
lb_learn(const char *a, size_t na, const char *b, size_t nb)
{
	char s[16], p[16];
	memcpy(s, a, na);
	memcpy(s + na, b, nb);
	u8_possible_linebreaks((const uint8_t *)s, na + nb, "UTF-8", p);
	if (p[na] == UC_BREAK_POSSIBLE)
		return LB_D;
	memcpy(s, a, na);
	s[na] = ' ';
	memcpy(s + na + 1, b, nb);
	u8_possible_linebreaks((const uint8_t *)s, na + 1 + nb, "UTF-8", p);
	return p[na + 1] == UC_BREAK_POSSIBLE ? LB_I : LB_P;
}

static void
lb_init(void)
{
	for (int a = 0x21; a < 0x7F; a++)
		for (int b = 0x21; b < 0x7F; b++) {
			char ca = (char)a, cb = (char)b;
			lb_pair[a][b] = (unsigned char)lb_learn(&ca, 1, &cb, 1);
		}
	for (int sp = 0; sp < 2; sp++)
		for (int a = 0; a < 128; a++)
			for (int b = 0; b < 128; b++) {
				int t = a >= 0x21 && a < 0x7F && b >= 0x21 && b < 0x7F
					? lb_pair[a][b] : LB_P;
				lb_out[sp][a][b] = t == LB_D || (t == LB_I && sp)
					? UC_BREAK_POSSIBLE : UC_BREAK_PROHIBITED;
			}
	unsigned char an[128] = { 0 };
	for (int a = 0; a < 128; a++)
		an[a] = (a >= '0' && a <= '9') || ((a | 32) >= 'a' && (a | 32) <= 'z');
	int glue = 1;
	for (int a = 0; a < 128; a++)
		for (int b = 0; b < 128; b++)
			if (an[a] && an[b] && lb_out[0][a][b] != UC_BREAK_PROHIBITED)
				glue = 0;
	for (int a = 0; a < 128 && glue; a++)
		lb_alnum[a] = an[a];
	lb_ready = 1;
}

/* The ASCII character that c breaks like, or LB_NONE. */
static int
lb_rep_of(ucs4_t c)
{
	if (c >= LB_CACHE_MAX)
		return LB_NONE;
	if (lb_rep[c])
		return lb_rep[c];
	int rep = LB_NONE;
	if (!uc_is_general_category(c, UC_CATEGORY_M) &&
	    !uc_is_general_category(c, UC_CATEGORY_C) &&
	    !uc_is_general_category(c, UC_CATEGORY_Z)) {
		uint8_t u[8];
		int k = u8_uctomb(u, c, sizeof u);
		signed char row[128], col[128];
		for (int a = 0x21; a < 0x7F && k > 0; a++) {
			char ca = (char)a;
			col[a] = (signed char)lb_learn(&ca, 1, (const char *)u, (size_t)k);
			row[a] = (signed char)lb_learn((const char *)u, (size_t)k, &ca, 1);
		}
		int self = k > 0 ? lb_learn((const char *)u, (size_t)k, (const char *)u, (size_t)k) : -1;
		for (int r = 0x21; r < 0x7F && k > 0 && rep == LB_NONE; r++) {
			if (lb_pair[r][r] != self)
				continue;
			int same = 1;
			for (int a = 0x21; a < 0x7F && same; a++)
				same = lb_pair[a][r] == col[a] && lb_pair[r][a] == row[a];
			if (same)
				rep = r;
		}
	}
	lb_rep[c] = (unsigned char)rep;
	return rep;
}

int
text_linebreaks(const char *s, size_t n, char *p)
{
	if (!lb_ready)
		lb_init();
	int last = 0, space = 0;	/* last: 0 = start of a line */
	int ascii = 1;
	const unsigned char *u = (const unsigned char *)s;
	/* inside words nothing breaks: most bytes are set here, once */
	memset(p, UC_BREAK_PROHIBITED, n);
	for (size_t i = 0; i < n;) {
		unsigned char b = u[i];
		if (lb_alnum[b]) {
			/* a run of letters and digits, ASCII or two-byte
			 * letters that break like one (é, ж): only its first
			 * character can have a break before it */
			p[i] = lb_out[space][last][b];
			size_t j = i + 1;
			int cls = b;
			for (;;) {
				size_t k = j;
				while (j < n && lb_alnum[u[j]])
					j++;
				if (j > k)
					cls = u[j - 1];
				if (j + 1 < n && u[j] >= 0xC3 && u[j] <= 0xD1 &&
				    (u[j + 1] & 0xC0) == 0x80) {
					ucs4_t c = ((ucs4_t)(u[j] & 0x1F) << 6) | (u[j + 1] & 0x3F);
					int r = lb_rep_of(c);
					if (r != LB_NONE && lb_alnum[r]) {
						ascii = 0;
						cls = r;
						j += 2;
						continue;
					}
				}
				break;
			}
			last = cls;
			space = 0;
			i = j;
			continue;
		}
		if ((unsigned)b - 0x21u < 0x5Eu) {	/* printable ASCII */
			p[i++] = lb_out[space][last][b];
			last = b;
			space = 0;
			continue;
		}
		int cls = b;
		size_t k = 1;
		if (b == '\n') {
			p[i++] = UC_BREAK_MANDATORY;
			last = space = 0;
			continue;
		}
		if (b == ' ') {
			p[i++] = UC_BREAK_PROHIBITED;
			space = 1;
			continue;
		}
		if (b >= 0x80) {
			ucs4_t c;
			ascii = 0;
			k = decode(s + i, n - i, &c);
			cls = c == 0xFFFD && k == 1 ? LB_NONE : lb_rep_of(c);
		} else if (b < 0x21 || b == 0x7F) {
			cls = LB_NONE;
		}
		if (cls == LB_NONE) {
			u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", p);
			return 0;
		}
		p[i] = lb_out[space][last][cls];
		for (size_t j = 1; j < k; j++)
			p[i + j] = UC_BREAK_PROHIBITED;
		i += k;
		last = cls;
		space = 0;
	}
	return ascii;
}

void
text_visible_add(struct buf *b, const char *s, size_t n_bytes)
{
	while (n_bytes > 0) {
		size_t k = 0;
		while (k < n_bytes && s[k] != '\n' && s[k] != '\t')
			k++;
		size_t vn;
		char *v = text_visible_dup(s, k, &vn);
		buf_add(b, v, vn);
		free(v);
		if (k == n_bytes)
			break;
		buf_addc(b, s[k]);
		s += k + 1;
		n_bytes -= k + 1;
	}
}
