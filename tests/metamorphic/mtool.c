/* mtool: the two measures of tests/metamorphic/metamorphic.sh (issue 9).
 *
 *   mtool outline JSON
 * prints the outline of lectern's --json reduced to what must not change
 * when the same document comes in another shape: one line per node, its
 * depth, kind, printed number ("-" when the number is inferred) and the
 * first three words of its text. Nothing when JSON is not a model (lectern
 * refused the file).
 *
 *   mtool words [-v] SOURCE DUMP [JSON]
 * is the conservation check (§1): every word of a source text must be
 * found again in what lectern shows of it (--dump) or in what it says it
 * removed (the `meta.furniture` list of --json, when the JSON has one). It
 * prints "LOST TOTAL FURNITURE": how many words of SOURCE were not found,
 * of how many, and 1 if the JSON had a furniture list (0 if not); with -v it then lists each lost word with its count, one a line.
 * Exit 0 when it could read the files (whatever it found), 1 when not,
 * 2 on a usage error.
 *
 * A word is a maximal run of letters, marks and digits (Unicode general
 * categories L, M, N); everything else separates words, so punctuation,
 * quotes and hyphens never make two texts differ. The comparison is of
 * multisets: a word three times in the source must be in the output three
 * times. A word broken by a hyphen at the end of a line ("peace-" / "ful")
 * counts as found when both halves are found or when the joined word is
 * ("peaceful": lectern repaired the hyphen); so do two lost words of one
 * line found joined ("Est ado": a split word repaired). Both texts are compared in
 * Unicode compatibility form (NFKC), so that a footnote mark printed "1"
 * in the source and "¹" by lectern, or a ligature, is the same word.
 * Invalid UTF-8 bytes are separators (the source of every variant is given
 * as UTF-8; a text with invalid bytes is not normalised). */
#include <build-config.h>

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* A multiset of words: open addressing, power-of-two capacity, owns its
 * keys. */
struct bag {
	char **keys;
	long *counts;
	size_t cap, used;
};

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		perror("mtool");
		exit(1);
	}
	return p;
}

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
bag_init(struct bag *b)
{
	b->cap = 1024;
	b->used = 0;
	b->keys = xcalloc(b->cap, sizeof *b->keys);
	b->counts = xcalloc(b->cap, sizeof *b->counts);
}

/* The slot of (s, len): the one holding it or the empty one where it goes. */
static size_t
bag_slot(const struct bag *b, const char *s, size_t len)
{
	size_t i = hash(s, len) & (b->cap - 1);
	while (b->keys[i] &&
	       (strlen(b->keys[i]) != len || memcmp(b->keys[i], s, len) != 0))
		i = (i + 1) & (b->cap - 1);
	return i;
}

static void
bag_add(struct bag *b, const char *s, size_t len, long n)
{
	if (2 * (b->used + 1) > b->cap) {
		struct bag old = *b;
		b->cap *= 2;
		b->used = 0;
		b->keys = xcalloc(b->cap, sizeof *b->keys);
		b->counts = xcalloc(b->cap, sizeof *b->counts);
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i]) {
				size_t j = bag_slot(b, old.keys[i], strlen(old.keys[i]));
				b->keys[j] = old.keys[i];
				b->counts[j] = old.counts[i];
				b->used++;
			}
		free(old.keys);
		free(old.counts);
	}
	size_t i = bag_slot(b, s, len);
	if (!b->keys[i]) {
		b->keys[i] = xcalloc(len + 1, 1);
		memcpy(b->keys[i], s, len);
		b->used++;
	}
	b->counts[i] += n;
}

static long
bag_count(const struct bag *b, const char *s, size_t len)
{
	size_t i = bag_slot(b, s, len);
	return b->keys[i] ? b->counts[i] : 0;
}

static void
bag_clear(struct bag *b)
{
	for (size_t i = 0; i < b->cap; i++)
		free(b->keys[i]);
	free(b->keys);
	free(b->counts);
}

/* text (n bytes, NUL-terminated, owned) in NFKC, replacing it; left as it
 * is when it is not valid UTF-8. */
static char *
nfkc(char *text, size_t *n)
{
	size_t out_len = 0;
	uint8_t *out = u8_normalize(UNINORM_NFKC, (const uint8_t *)text, *n,
				    NULL, &out_len);
	if (!out)
		return text;
	char *z = xcalloc(out_len + 1, 1);
	memcpy(z, out, out_len);
	free(out);
	free(text);
	*n = out_len;
	return z;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = xcalloc(cap, 1);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				perror("mtool");
				exit(1);
			}
			buf = bigger;
			cap *= 2;
		}
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return nfkc(buf, len);
}

static int
is_word_char(ucs4_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_L) ||
	       uc_is_general_category(c, UC_CATEGORY_M) ||
	       uc_is_general_category(c, UC_CATEGORY_N);
}

/* The character at s[i] (one of n bytes): its length, or 1 for an invalid
 * byte, which is given as U+FFFD (a separator). */
static int
next_char(const char *s, size_t i, size_t n, ucs4_t *c)
{
	int len = u8_mbtouc(c, (const uint8_t *)s + i, n - i);
	return len > 0 ? len : 1;
}

/* A word of a source text: where it is, and whether it ends a line with a
 * hyphen (then the next word may be its second half). */
struct word {
	size_t start, len;
	int hyphen_eol;
};

/* Splits text into words; returns their number, *out owned by the caller. */
static size_t
split(const char *s, size_t n, struct word **out)
{
	size_t cap = 1024, count = 0;
	struct word *w = xcalloc(cap, sizeof *w);
	size_t i = 0;
	while (i < n) {
		ucs4_t c;
		int len = next_char(s, i, n, &c);
		if (!is_word_char(c)) {
			i += len;
			continue;
		}
		size_t start = i;
		while (i < n) {
			len = next_char(s, i, n, &c);
			if (!is_word_char(c))
				break;
			i += len;
		}
		if (count == cap) {
			struct word *bigger = realloc(w, 2 * cap * sizeof *w);
			if (!bigger) {
				perror("mtool");
				exit(1);
			}
			w = bigger;
			cap *= 2;
		}
		w[count].start = start;
		w[count].len = i - start;
		w[count].hyphen_eol = 0;
		/* "-", U+2010 or a soft hyphen, then blanks to the line end. */
		size_t j = i;
		if (j < n && s[j] == '-')
			j++;
		else if (n - j >= 3 && memcmp(s + j, "\xe2\x80\x90", 3) == 0)
			j += 3;
		else if (n - j >= 2 && memcmp(s + j, "\xc2\xad", 2) == 0)
			j += 2;
		if (j > i) {
			while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j < n && s[j] == '\n')
				w[count].hyphen_eol = 1;
		}
		count++;
	}
	*out = w;
	return count;
}

static void
add_text(struct bag *b, const char *s, size_t n)
{
	struct word *w;
	size_t count = split(s, n, &w);
	for (size_t k = 0; k < count; k++)
		bag_add(b, s + w[k].start, w[k].len, 1);
	free(w);
}

/* Takes one (s, len) out of b if it is there. */
static int
take(struct bag *b, const char *s, size_t len)
{
	size_t i = bag_slot(b, s, len);
	if (!b->keys[i] || b->counts[i] <= 0)
		return 0;
	b->counts[i]--;
	return 1;
}

/* Adds the text of every entry of meta.furniture; 0 if the JSON has none. */
static int
add_furniture(struct bag *b, const char *path)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root)
		return 0;
	json_t *list = json_object_get(json_object_get(root, "meta"), "furniture");
	int found = json_is_array(list);
	size_t i;
	json_t *entry;
	json_array_foreach(list, i, entry) {
		const char *text = json_string_value(json_object_get(entry, "text"));
		if (text) {
			size_t n = strlen(text);
			char *z = xcalloc(n + 1, 1);
			memcpy(z, text, n);
			z = nfkc(z, &n);
			add_text(b, z, n);
			free(z);
		}
	}
	json_decref(root);
	return found;
}

/* The first three words of text, separated by single spaces. */
static void
print_first_words(const char *text)
{
	int n = 0;
	const char *p = text;
	while (*p && n < 3) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		printf(" %.*s", (int)(p - start), start);
		n++;
	}
}

static void
print_node(json_t *node, int depth)
{
	const char *kind = json_string_value(json_object_get(node, "kind"));
	const char *number = json_string_value(json_object_get(node, "number"));
	const char *text = json_string_value(json_object_get(node, "text"));
	printf("%d %s %s |", depth, kind ? kind : "?", number ? number : "-");
	print_first_words(text ? text : "");
	printf("\n");
	size_t i;
	json_t *child;
	json_array_foreach(json_object_get(node, "children"), i, child)
		print_node(child, depth + 1);
}

static int
outline(const char *path)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root)
		return 0;
	size_t i;
	json_t *child;
	json_array_foreach(json_object_get(json_object_get(root, "root"), "children"), i, child)
		print_node(child, 0);
	json_decref(root);
	return 0;
}

static int
words(int argc, char **argv)
{
	int verbose = 0;
	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		verbose = 1;
		argc--;
		argv++;
	}
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: mtool words [-v] SOURCE DUMP [JSON]\n");
		return 2;
	}
	size_t src_len, dump_len;
	char *src = slurp(argv[1], &src_len);
	char *dump = slurp(argv[2], &dump_len);
	if (!src || !dump)
		return 1;

	struct bag have, lost;
	bag_init(&have);
	bag_init(&lost);
	add_text(&have, dump, dump_len);
	int furniture = argc == 4 && add_furniture(&have, argv[3]);

	struct word *w;
	size_t count = split(src, src_len, &w);
	/* Pair each hyphenated line end with the word after it; look up the
	 * plain words first, then the pairs, found as two halves or joined. */
	char *role = xcalloc(count, 1); /* 0 plain, 1 first half, 2 second */
	for (size_t k = 0; k + 1 < count; k++)
		if (w[k].hyphen_eol && role[k] == 0) {
			role[k] = 1;
			role[k + 1] = 2;
		}
	for (size_t k = 0; k < count; k++)
		if (role[k] == 0 && !take(&have, src + w[k].start, w[k].len))
			bag_add(&lost, src + w[k].start, w[k].len, 1);
	for (size_t k = 0; k < count; k++) {
		if (role[k] != 1)
			continue;
		const char *a = src + w[k].start, *b = src + w[k + 1].start;
		size_t alen = w[k].len, blen = w[k + 1].len;
		char *joined = xcalloc(alen + blen + 1, 1);
		memcpy(joined, a, alen);
		memcpy(joined + alen, b, blen);
		if (bag_count(&have, a, alen) > 0 && bag_count(&have, b, blen) > 0) {
			take(&have, a, alen);
			take(&have, b, blen);
		} else if (!take(&have, joined, alen + blen)) {
			if (!take(&have, a, alen))
				bag_add(&lost, a, alen, 1);
			if (!take(&have, b, blen))
				bag_add(&lost, b, blen, 1);
		}
		free(joined);
	}
	free(role);
	/* Two words of one line, both lost, found joined: a word split by a
	 * stray space that lectern repaired ("Est ado", "co- ordination"). */
	for (size_t k = 0; k + 1 < count; k++) {
		const char *a = src + w[k].start, *b = src + w[k + 1].start;
		size_t alen = w[k].len, blen = w[k + 1].len;
		if (memchr(a + alen, '\n', (size_t)(b - (a + alen))) ||
		    bag_count(&lost, a, alen) <= 0 || bag_count(&lost, b, blen) <= 0)
			continue;
		char *joined = xcalloc(alen + blen + 1, 1);
		memcpy(joined, a, alen);
		memcpy(joined + alen, b, blen);
		if (take(&have, joined, alen + blen)) {
			take(&lost, a, alen);
			take(&lost, b, blen);
			k++;
		}
		free(joined);
	}

	long n_lost = 0;
	for (size_t i = 0; i < lost.cap; i++)
		if (lost.keys[i])
			n_lost += lost.counts[i];
	printf("%ld %zu %d\n", n_lost, count, furniture);
	if (verbose)
		for (size_t i = 0; i < lost.cap; i++)
			if (lost.keys[i])
				printf("%ld\t%s\n", lost.counts[i], lost.keys[i]);
	free(w);
	free(src);
	free(dump);
	bag_clear(&have);
	bag_clear(&lost);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "outline") == 0)
		return outline(argv[2]);
	if (argc >= 2 && strcmp(argv[1], "words") == 0)
		return words(argc - 1, argv + 1);
	fprintf(stderr, "usage: mtool outline JSON | mtool words [-v] SOURCE DUMP [JSON]\n");
	return 2;
}
