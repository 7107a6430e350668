/* source: the bytes of one document, read into memory and made safe (see
 * source.h for the contract).
 *
 * A regular file is read in one block of its size (read_sized); everything
 * after the read is one linear pass over the bytes (clean_bytes), so a 10 MB
 * single line costs the same as 10 MB of short lines. The pass copies
 * nothing until it meets something to change, and a clean file's block
 * becomes the model's text as it is: loading costs one read and one scan,
 * and the memory of the document once. Errors are returned as messages that
 * name the file; this module never prints.
 *
 * Encodings (decided before the pass, which then sees UTF-8): a UTF-16
 * byte order mark means UTF-16 (LE or BE), and so do NUL bytes that fall
 * every other byte (utf16_guess) when the conversion gives text; bytes that are not UTF-8 are
 * read as Windows-1252 only when every one of them reads as a letter
 * inside a word, a one-letter word ("à") or common punctuation there
 * (else they stay U+FFFD), and as Windows-1251 when the Windows-1252 reading looks garbled and the
 * bytes read as Cyrillic words. The garble check (looks_garbled) is
 * conservative: a quarter of the words must be runs of accented Latin
 * letters or of symbols, which no French or Spanish text comes near. */
#include <build-config.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "source.h"
#include "text.h"
#include "util.h"

extern char **environ;

static const char pdf_magic[] = "%PDF-";

/* Appends the UTF-8 encoding of a code point from U+0800 to U+FFFF. */
static void
put3(buf *b, unsigned uc)
{
	char u[3] = {
		(char)(0xE0 | (uc >> 12)),
		(char)(0x80 | ((uc >> 6) & 0x3F)),
		(char)(0x80 | (uc & 0x3F)),
	};
	buf_add(b, u, 3);
}

/* Whether the 8 bytes at s are all printable ASCII (0x20..0x7E): the
 * common case, tested a word at a time. With no byte >= 0x80, x - 0x20
 * per byte borrows into a byte's top bit only when that byte is < 0x20,
 * and x ^ 0x7F is 0 only where x is DEL. */
static inline int
plain8(const unsigned char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t y = x ^ (0x7F * ones);
	return !((x | ((x - 0x20 * ones) & ~x) | ((y - ones) & ~y)) & high);
}

/* The output of the pass, made only once something has to change: a
 * clean document (nearly every one) is never copied. */
typedef struct cleaner {
	const char *in;
	size_t n;
	size_t run;		/* start of the bytes not yet copied to b */
	int changed;		/* b is in use */
	buf b;
} cleaner;

/* Copies the bytes kept before i, ready for a replacement at i. */
static void
keep_to(cleaner *c, size_t i)
{
	if (!c->changed) {
		c->changed = 1;
		buf_init(&c->b);
		/* room for the text and a few replacements: no regrowing */
		xgrow((void **)&c->b.s, &c->b.cap, c->n + c->n / 64 + 64, 1);
	}
	buf_add(&c->b, c->in + c->run, i - c->run);
}

/* The one pass: BOM, line ends, controls, invalid UTF-8, format characters
 * (source.h). Runs of plain bytes are copied in one buf_add, and only once
 * a first change is found, so the pass stays cheap. own is NULL or in
 * itself, malloc'd with room for n + 1 bytes: it is taken (becomes
 * out->data when nothing changes, else freed). */
static void
clean_bytes(const char *in, size_t n, source *out, char *own)
{
	const unsigned char *s = (const unsigned char *)in;
	cleaner c = { .in = in, .n = n };
	size_t i = 0;
	size_t flag_end = SIZE_MAX;	/* where a flag's tag may come next */

	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		keep_to(&c, 0);
		i = c.run = 3;
	}
	while (i < n) {
		while (i + 8 <= n && plain8(s + i))
			i += 8;
		if (i >= n)
			break;
		unsigned b = s[i];
		if (b >= 0x20 && b < 0x7F) {
			i++;
			continue;
		}
		if (b == '\n' || b == '\t' || b == '\f') {
			i++;
			continue;
		}
		if (b < 0x80) {
			keep_to(&c, i);
			if (b == '\r') {
				buf_addc(&c.b, '\n');
				i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			} else {
				put3(&c.b, b == 0x7F ? 0x2421 : 0x2400 + b);
				out->control_chars++;
				i++;
			}
			c.run = i;
			continue;
		}
		ucs4_t uc;
		int k;
		/* Two-byte characters (Latin, Greek, Cyrillic, Arabic: most of
		 * what is not ASCII) are decoded here. */
		if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			uc = ((ucs4_t)(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
			k = 2;
			if (uc >= 0xA0 && uc != 0x061C) {
				i += 2;
				continue;
			}
		} else {
			k = u8_mbtouc(&uc, s + i, n - i);
		}
		if (uc == 0xFFFD && !(k == 3 && s[i] == 0xEF && s[i + 1] == 0xBF &&
				      s[i + 2] == 0xBD)) {
			keep_to(&c, i);
			put3(&c.b, 0xFFFD);
			out->invalid_bytes += (size_t)k;
		} else if (uc >= 0x80 && uc < 0xA0) {
			keep_to(&c, i);
			put3(&c.b, 0xFFFD);
			out->control_chars++;
		} else if (uc >= 0x061C && uc <= 0xFEFF &&
			   (uc == 0x061C || (uc >= 0x200E && uc <= 0x206F) ||
			    uc == 0xFEFF) && text_format_class(uc) != TEXT_FMT_KEEP) {
			keep_to(&c, i);
			switch (text_format_class(uc)) {
			case TEXT_FMT_BIDI:
				buf_add(&c.b, text_visible_cp(uc, NULL), 3);
				out->bidi_controls++;
				break;
			case TEXT_FMT_DROP:
				out->format_chars++;
				break;
			case TEXT_FMT_LINE:
				buf_addc(&c.b, '\n');
				break;
			default:	/* TEXT_FMT_PARA */
				buf_add(&c.b, "\n\n", 2);
				break;
			}
		} else if (uc >= 0xE0000 && uc <= 0xE007F &&
			   !(uc >= 0xE0020 && (i == flag_end || (i >= 4 &&
			     memcmp(s + i - 4, "\xf0\x9f\x8f\xb4", 4) == 0)))) {
			/* a tag outside a flag (U+1F3F4 and its tags) */
			keep_to(&c, i);
			out->format_chars++;
		} else {
			i += (size_t)k;
			if (uc >= 0xE0020 && uc < 0xE007F)
				flag_end = i;	/* the flag goes on */
			continue;
		}
		i += (size_t)k;
		c.run = i;
	}
	if (c.changed) {
		buf_add(&c.b, in + c.run, n - c.run);
		free(own);
		out->len = c.b.len;
		out->data = buf_take(&c.b);
	} else {
		out->data = own ? own : xmalloc(n + 1);
		if (!own)
			memcpy(out->data, in, n);
		out->data[n] = '\0';
		out->len = n;
	}
}

/* Converts in[0, n) from encoding `from` to UTF-8 with iconv into *b; a
 * sequence iconv cannot read becomes U+FFFD (counted in *bad), unit_bytes
 * bytes at a time (2 for UTF-16, 1 for a single-byte code page). Returns
 * 0, or -1 when iconv does not know the encoding. */
static int
convert(const char *from, const char *in, size_t n, size_t unit_bytes, buf *b,
	size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	buf_init(b);
	xgrow((void **)&b->s, &b->cap, n * 2 + 16, 1);
	char *ip = (char *)in;
	size_t left = n;
	while (left > 0) {
		if (b->cap - b->len < 64)
			xgrow((void **)&b->s, &b->cap, b->cap * 2, 1);
		char *op = b->s + b->len;
		size_t room = b->cap - b->len - 1;
		size_t r = iconv(cd, &ip, &left, &op, &room);
		b->len = (size_t)(op - b->s);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL: a sequence cut by the end of the input */
		buf_add(b, "\xef\xbf\xbd", 3);
		size_t skip = errno == EINVAL || left < unit_bytes ? left : unit_bytes;
		ip += skip;
		left -= skip;
		(*bad)++;
	}
	iconv_close(cd);
	if (!b->s)
		buf_add(b, "", 0);
	b->s[b->len] = '\0';
	return 0;
}

/* Windows-1252 bytes 0x80..0xBF that are punctuation in running text (the
 * rest of that range, and the undefined 0x81 0x8D 0x8F 0x90 0x9D, are not
 * plausible in a document): € ‚ „ … ‘ ’ “ ” • – — ™ NBSP ¡ £ § © « ® ° ·
 * º » ¿ ª. In Windows-1251: „ … ‘ ’ “ ” • – — NBSP § « » ° № and Ё ё. */
static const char cp1252_punct[] = "\x80\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94"
	"\x95\x96\x97\x99\x9b\xa0\xa1\xa2\xa3\xa5\xa7\xa9\xaa\xab\xad\xae\xb0\xb1"
	"\xb2\xb3\xb5\xb6\xb7\xb9\xba\xbb\xbc\xbd\xbe\xbf";
/* Windows-1252 letters below 0xC0 (Š Œ Ž š œ ž Ÿ: "œuvre"), and the
 * letters that are words on their own (French "à", "À"; Italian "è";
 * Portuguese "é"): these may stand between spaces. */
static const char cp1252_letters[] = "\x8a\x8c\x8e\x9a\x9c\x9e\x9f";
static const char cp1252_alone[] = "\xe0\xc0\xe8\xc8\xe9\xc9";
static const char cp1251_other[] = "\x84\x85\x91\x92\x93\x94\x95\x96\x97"
	"\xa0\xa7\xa8\xab\xb0\xb8\xb9\xbb";

/* Whether a byte of a word (an ASCII letter or a non-ASCII byte). */
static int
wordish(unsigned char c)
{
	return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u;
}

/* Which single-byte encodings bytes that are not UTF-8 read as: 1 for
 * Windows-1252, 2 for Windows-1251, both or 0 (none: leave them as
 * invalid bytes). Valid UTF-8 sequences must be
 * rare among them (a UTF-8 text with a few bad bytes stays UTF-8), and
 * every high byte must be plausible text in the encoding (Windows-1251:
 * with at least two words of four Cyrillic letters). */
static int
single_byte_guess(const unsigned char *s, size_t n)
{
	if (!u8_check(s, n))
		return 0;	/* UTF-8: nearly every document */
	size_t valid = 0, invalid = 0;
	size_t run = 0, words1251 = 0;	/* Cyrillic letters in a row; runs of 4 */
	int ok1252 = 1, ok1251 = 1;
	for (size_t i = 0; i < n;) {
		if (s[i] >= 0xC0 || s[i] == 0xA8 || s[i] == 0xB8) {
			if (++run == 4)
				words1251++;
		} else {
			run = 0;
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtoucr(&uc, s + i, n - i);
		if (k > 1) {
			valid++;
			i += (size_t)k;
			continue;
		}
		invalid++;
		unsigned char c = s[i];
		int in_word = (i > 0 && wordish(s[i - 1])) || (i + 1 < n && wordish(s[i + 1]));
		/* 1252: a letter (not × ÷ Ð Þ ð þ) inside a word, a one-letter
		 * word, or punctuation */
		int letter = (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c != 0xD0 &&
			      c != 0xDE && c != 0xF0 && c != 0xFE) ||
			     memchr(cp1252_letters, c, sizeof cp1252_letters - 1);
		if (!(letter && in_word) && !memchr(cp1252_alone, c, sizeof cp1252_alone - 1) &&
		    !memchr(cp1252_punct, c, sizeof cp1252_punct - 1))
			ok1252 = 0;
		/* 1251: a Cyrillic letter inside a word, or punctuation */
		if (!(c >= 0xC0 && in_word) && !memchr(cp1251_other, c, sizeof cp1251_other - 1))
			ok1251 = 0;
		i++;
	}
	if (invalid == 0 || valid * 32 > invalid)
		return 0;
	if (words1251 < 2)
		ok1251 = 0;	/* Russian has long words; "\xff\xfe" is no word */
	return ok1252 | ok1251 << 1;
}

/* Whether s looks like the text of a PDF whose fonts have no usable
 * encoding: at least 20 words and a quarter of them garbled, a word
 * being garbled when it has 3 or more letters and most of them are
 * accented Latin-1 letters (Cyrillic read as Latin-1: "Ãåíåðàëüíàÿ"), or
 * 4 or more characters and most of them symbols (not letters, digits,
 * '.', '-', '_', which fill tables of contents and rules). French "été"
 * or "déjà" are such words, but a handful in a text, never a quarter.
 * Only the first GARBLE_SAMPLE_BYTES are looked at: the cost stays bounded
 * on a huge document. */
#define GARBLE_SAMPLE_BYTES ((size_t)1 << 20)
static int
looks_garbled(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t words = 0, bad = 0;
	size_t i = 0;
	if (n > GARBLE_SAMPLE_BYTES)
		n = GARBLE_SAMPLE_BYTES;	/* a broken font garbles throughout */
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\f'))
			i++;
		if (i >= n)
			break;
		size_t letters = 0, accented = 0, chars = 0, symbols = 0;
		while (i < n && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\f')) {
			unsigned char a = (unsigned char)s[i];
			if (a < 0x80) {	/* ASCII, most of any text: inline */
				i++;
				chars++;
				if ((unsigned)((a | 0x20) - 'a') < 26u)
					letters++;
				else if (!(a >= '0' && a <= '9') && a != '.' && a != '-' && a != '_')
					symbols++;
				continue;
			}
			ucs4_t c;
			int k = u8_mbtouc(&c, u + i, n - i);
			i += (size_t)(k > 0 ? k : 1);
			chars++;
			if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) {
				letters++;
				accented++;
			} else if (uc_is_alpha(c)) {
				letters++;
			} else if (!uc_is_digit(c) && c != '.' && c != '-' && c != '_' &&
				   c != 0x2026) {
				symbols++;
			}
		}
		words++;
		if ((letters >= 3 && accented * 2 > letters) ||
		    (chars >= 4 && symbols * 2 > chars))
			bad++;
	}
	return words >= 20 && bad * 4 >= words;
}

/* Whether bytes with no byte order mark look like UTF-16 text: in the
 * first UTF16_SAMPLE_BYTES, the NUL bytes all fall on one side of the
 * 2-byte units (the high byte of ASCII: spaces, digits, punctuation, and
 * every letter of English), at least one unit in 16 has one (Russian:
 * its spaces), and the high bytes take few values (a script or two: a
 * binary's are spread). Returns "UTF-16LE", "UTF-16BE" or NULL; the caller
 * still checks that the conversion gives text (utf16_is_text). */
#define UTF16_SAMPLE_BYTES ((size_t)1024)
static const char *
utf16_guess(const unsigned char *s, size_t n)
{
	size_t m = (n < UTF16_SAMPLE_BYTES ? n : UTF16_SAMPLE_BYTES) & ~(size_t)1;
	size_t nul[2] = { 0, 0 };
	if (m < 4)
		return NULL;
	for (size_t i = 0; i < m; i++)
		if (s[i] == 0)
			nul[i & 1]++;
	int hi = nul[1] > nul[0] ? 1 : 0;	/* LE: the high byte is second */
	size_t units = m / 2;
	if (nul[!hi] * 16 > nul[hi] || nul[hi] * 16 < units)
		return NULL;
	unsigned char seen[256] = { 0 };
	size_t values = 0;
	for (size_t i = (size_t)hi; i < m; i += 2)
		if (!seen[s[i]]++)
			values++;
	if (values > 8)
		return NULL;
	return hi ? "UTF-16LE" : "UTF-16BE";
}

/* Whether UTF-8 converted from a guessed UTF-16 is text: nothing iconv
 * could not read, no NUL and no control character but tab, line ends
 * and form feed. */
static int
utf16_is_text(const char *s, size_t n, size_t bad)
{
	if (bad)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			return 0;
	}
	return 1;
}

/* Reads all of fd into *b, refusing more than SOURCE_MAX_BYTES.
 * Returns 0, -1 with errno set, -2 when too large, or -3 at the first
 * block with a NUL byte (a binary: /dev/zero is not read to the limit),
 * unless what was read looks like UTF-16 (utf16_guess). */
static int
read_all(int fd, buf *b)
{
	char tmp[1 << 16];
	for (;;) {
		ssize_t k = read(fd, tmp, sizeof tmp);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0)
			return 0;
		if (b->len + (size_t)k > SOURCE_MAX_BYTES)
			return -2;
		buf_add(b, tmp, (size_t)k);
		if (memchr(tmp, '\0', (size_t)k) &&
		    !utf16_guess((const unsigned char *)b->s, b->len))
			return -3;
	}
}

/* read_all for a regular file of size_bytes (from fstat): one block of
 * that size read straight into, no regrowing and no copy; a file that has
 * grown since is read on with read_all. */
static int
read_sized(int fd, size_t size_bytes, buf *b)
{
	b->s = xmalloc(size_bytes + 1);
	b->cap = size_bytes + 1;
	while (b->len < size_bytes) {
		ssize_t k = read(fd, b->s + b->len, size_bytes - b->len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0)
			break;	/* shrunk since fstat */
		b->len += (size_t)k;
	}
	b->s[b->len] = '\0';
	return b->len < size_bytes ? 0 : read_all(fd, b);
}

/* Runs `pdftotext -layout path -` and reads its output into *b.
 * Returns 0, or -1 with *err set. */
static int
pdf_to_text(const char *name, const char *path, buf *b, char **err)
{
	int fds[2];
	if (pipe(fds) < 0) {
		*err = xasprintf("%s: cannot run pdftotext: %s", name, strerror(errno));
		return -1;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	char *argv[] = { "pdftotext", "-layout", (char *)path, "-", NULL };
	pid_t pid;
	int rc = posix_spawnp(&pid, "pdftotext", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		*err = xasprintf("%s: is a PDF; install poppler-utils (pdftotext) "
				 "to read it, or give the extracted text", name);
		return -1;
	}
	int r = read_all(fds[0], b);
	close(fds[0]);
	if (r < 0)
		kill(pid, SIGTERM);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (r == -2) {
		*err = xasprintf("%s: the text of this PDF is larger than %zu MB",
				 name, SOURCE_MAX_BYTES >> 20);
		return -1;
	}
	if (r == -3) {
		*err = xasprintf("%s: the text of this PDF has NUL bytes", name);
		return -1;
	}
	if (r < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			*err = xasprintf("%s: is a PDF; install poppler-utils (pdftotext) "
					 "to read it, or give the extracted text", name);
		else
			*err = xasprintf("%s: pdftotext could not read this PDF", name);
		return -1;
	}
	return 0;
}

/* Checks shared by files and memory; path is a file holding the bytes, or
 * NULL (then a PDF is written to a temporary file for pdftotext). own is
 * NULL or bytes itself, malloc'd with room for n + 1, and taken (see
 * clean_bytes; freed on an error). */
static int accept_checked(const char *name, const char *path, const char *bytes,
			  size_t n, source *out, char **err);

static int
accept_bytes(const char *name, const char *path, const char *bytes, size_t n,
	     source *out, char **err, char *own)
{
	const unsigned char *u = (const unsigned char *)bytes;
	const char *enc = NULL;
	size_t bad = 0;
	int no_bom = 0;
	buf conv;
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		/* UTF-16 (its ASCII has NUL bytes: before the binary check) */
		enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (n == 2) {
			memset(out, 0, sizeof *out);
			*err = xasprintf("%s: empty file (only a byte order mark)", name);
			free(own);
			return -1;
		}
		if (convert(enc, bytes + 2, n - 2, 2, &conv, &bad) < 0) {
			memset(out, 0, sizeof *out);
			*err = xasprintf("%s: is %s text, and iconv cannot convert it", name, enc);
			free(own);
			return -1;
		}
		free(own);
		own = conv.s;
		bytes = conv.s;
		n = conv.len;
		path = NULL;
	} else if (n >= 5 && memcmp(bytes, pdf_magic, 5) != 0 && memchr(bytes, '\0', n) &&
		   (enc = utf16_guess(u, n)) != NULL) {
		/* UTF-16 with no byte order mark, kept only when it reads as
		 * text: else a binary, refused below */
		int cv = convert(enc, bytes, n, 2, &conv, &bad);
		if (cv == 0 && utf16_is_text(conv.s, conv.len, bad)) {
			free(own);
			own = conv.s;
			bytes = conv.s;
			n = conv.len;
			path = NULL;
			no_bom = 1;
		} else {
			if (cv == 0)
				buf_clear(&conv);
			enc = NULL;
			bad = 0;
		}
	}
	int rc = accept_checked(name, path, bytes, n, out, err);
	if (rc != 0) {	/* an error, or a PDF's text already taken */
		free(own);
		return rc < 0 ? -1 : 0;
	}
	int guess = enc ? 0 : single_byte_guess(u, n);
	if (guess) {
		/* Windows-1252, unless that reads as garbage and the bytes
		 * read as Cyrillic words (Windows-1251) */
		enc = guess & 1 ? "CP1252" : "CP1251";
		int ok = convert(enc, bytes, n, 1, &conv, &bad) == 0;
		if (ok && (guess & 3) == 3 && looks_garbled(conv.s, conv.len)) {
			buf_clear(&conv);
			enc = "CP1251";
			ok = convert(enc, bytes, n, 1, &conv, &bad) == 0;
		}
		if (ok) {
			free(own);
			own = conv.s;
			bytes = conv.s;
			n = conv.len;
		} else {
			enc = NULL;
		}
	}
	clean_bytes(bytes, n, out, own);
	out->invalid_bytes += bad;
	out->encoding = !enc ? NULL : strcmp(enc, "CP1252") == 0 ? "Windows-1252"
		      : strcmp(enc, "CP1251") == 0 ? "Windows-1251" : enc;
	out->no_bom = no_bom;
	out->garbled = looks_garbled(out->data, out->len);
	out->name = xstrdup(name);
	return 0;
}

/* accept_bytes without the clean-up of plain text: -1 with *err set, 1 when
 * it was a PDF and out is its text, 0 when bytes are to be cleaned. */
static int
accept_checked(const char *name, const char *path, const char *bytes, size_t n,
	       source *out, char **err)
{
	memset(out, 0, sizeof *out);
	size_t k = n >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (k < n && (bytes[k] == ' ' || bytes[k] == '\n' ||
				     bytes[k] == '\r' || bytes[k] == '\t' || bytes[k] == '\f'))
		k++;
	if (n == 0 || k == n) {
		/* nothing to read: said alike for 0 bytes, blanks and a BOM */
		*err = xasprintf(n == 0 ? "%s: empty file"
				 : n == 3 && k == 3 ? "%s: empty file (only a byte order mark)"
				 : "%s: empty file (only spaces and line breaks)", name);
		return -1;
	}
	if (n > SOURCE_MAX_BYTES) {
		*err = xasprintf("%s: too large (%zu MB; the limit is %zu MB)", name,
				 n >> 20, SOURCE_MAX_BYTES >> 20);
		return -1;
	}
	if (n >= 5 && memcmp(bytes, pdf_magic, 5) == 0) {
		buf b;
		buf_init(&b);
		int rc;
		if (path) {
			rc = pdf_to_text(name, path, &b, err);
		} else {
			char tmpl[] = "/tmp/lectern-pdf-XXXXXX";
			int fd = mkstemp(tmpl);
			if (fd < 0) {
				*err = xasprintf("%s: cannot write a temporary file for "
						 "pdftotext: %s", name, strerror(errno));
				return -1;
			}
			size_t done = 0;
			while (done < n) {
				ssize_t wr = write(fd, bytes + done, n - done);
				if (wr < 0 && errno == EINTR)
					continue;
				if (wr <= 0)
					break;
				done += (size_t)wr;
			}
			close(fd);
			rc = done == n ? pdf_to_text(name, tmpl, &b, err) : -1;
			if (done != n && rc < 0)
				*err = xasprintf("%s: cannot write a temporary file for "
						 "pdftotext", name);
			unlink(tmpl);
		}
		if (rc < 0) {
			buf_clear(&b);
			return -1;
		}
		size_t t = 0;
		while (t < b.len && (b.s[t] == ' ' || b.s[t] == '\n' || b.s[t] == '\f' ||
				     b.s[t] == '\r' || b.s[t] == '\t'))
			t++;
		if (t == b.len) {
			/* pdftotext gives a form feed per page of a scan */
			*err = xasprintf("%s: no text in this PDF: it is a scan; run OCR "
					 "first (e.g. ocrmypdf)", name);
			buf_clear(&b);
			return -1;
		}
		if (memchr(b.s, '\0', b.len)) {
			*err = xasprintf("%s: the text of this PDF has NUL bytes", name);
			buf_clear(&b);
			return -1;
		}
		clean_bytes(b.s, b.len, out, b.s);
		out->from_pdf = 1;
		out->garbled = looks_garbled(out->data, out->len);
		out->name = xstrdup(name);
		return 1;
	}
	if (memchr(bytes, '\0', n)) {
		*err = xasprintf("%s: binary file (NUL bytes): not a text document", name);
		return -1;
	}
	return 0;
}

/* A file name goes into messages printed on a terminal, and a name may
 * hold ESC or U+202E: messages show it in its visible form (text.h). */
static char *
visible(const char *s)
{
	return text_visible_dup(s, strlen(s), NULL);
}

/* *err in its visible form, after an error. */
static int
safe_error(int rc, char **err)
{
	if (rc < 0 && *err) {
		char *v = visible(*err);
		free(*err);
		*err = v;
	}
	return rc;
}

int
source_from_memory(const char *name, const char *bytes, size_t n,
		   source *out, char **err)
{
	return safe_error(accept_bytes(name ? name : "-", NULL, bytes, n, out, err,
				       NULL), err);
}

static int load(const char *path, source *out, char **err);

int
source_load(const char *path, source *out, char **err)
{
	return safe_error(load(path, out, err), err);
}

static int
load(const char *path, source *out, char **err)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "standard input" : path;
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);

	memset(out, 0, sizeof *out);
	if (fd < 0) {
		if (errno == ENOENT)
			*err = xasprintf("%s: no such file", path);
		else if (errno == EACCES)
			*err = xasprintf("%s: permission denied (not readable)", path);
		else
			*err = xasprintf("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0)
		memset(&st, 0, sizeof st);
	if (S_ISDIR(st.st_mode)) {
		*err = xasprintf("%s: is a directory, not a document", path);
		if (!is_stdin)
			close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
		/* refuse before reading a byte */
		*err = xasprintf("%s: too large (%llu MB; the limit is %zu MB)", name,
				 (unsigned long long)st.st_size >> 20, SOURCE_MAX_BYTES >> 20);
		if (!is_stdin)
			close(fd);
		return -1;
	}
	buf b;
	buf_init(&b);
	int r = S_ISREG(st.st_mode) && st.st_size > 0
		? read_sized(fd, (size_t)st.st_size, &b) : read_all(fd, &b);
	int e = errno;
	if (!is_stdin)
		close(fd);
	if (r == -2) {
		*err = xasprintf("%s: too large (more than %zu MB)", name,
				 SOURCE_MAX_BYTES >> 20);
		buf_clear(&b);
		return -1;
	}
	if (r == -3) {
		*err = xasprintf("%s: binary file (NUL bytes): not a text document", name);
		buf_clear(&b);
		return -1;
	}
	if (r < 0) {
		if (e == EISDIR)
			*err = xasprintf("%s: is a directory, not a document", name);
		else
			*err = xasprintf("%s: read error: %s", name, strerror(e));
		buf_clear(&b);
		return -1;
	}
	if (!b.s)
		buf_add(&b, "", 0);
	size_t n = b.len;
	char *bytes = buf_take(&b);	/* accept_bytes takes it */
	int rc = accept_bytes(name, is_stdin ? NULL : path, bytes, n, out, err,
			      bytes);
	if (rc == 0) {
		free(out->name);
		out->name = xstrdup(path);
	}
	return rc;
}

char *
source_report(const source *s, const char *prefix)
{
	buf b;
	buf_init(&b);
	char *name = visible(s->name ? s->name : "-");
	if (s->garbled)
		buf_printf(&b, s->from_pdf
			   ? "%s%s: the text looks garbled: the PDF's fonts have no usable encoding\n"
			   : "%s%s: the text looks garbled (as text from a PDF whose fonts have "
			     "no usable encoding)\n", prefix, name);
	if (s->encoding)
		buf_printf(&b, "%s%s: converted from %s%s\n", prefix, name, s->encoding,
			   s->no_bom ? " (no byte order mark)" : "");
	if (s->invalid_bytes)
		buf_printf(&b, "%s%s: %zu invalid UTF-8 byte%s shown as U+FFFD\n",
			   prefix, name, s->invalid_bytes,
			   s->invalid_bytes == 1 ? "" : "s");
	if (s->control_chars)
		buf_printf(&b, "%s%s: %zu control character%s shown as visible "
			   "symbols such as \xe2\x90\x9b\n", prefix, name,
			   s->control_chars, s->control_chars == 1 ? "" : "s");
	if (s->bidi_controls)
		buf_printf(&b, "%s%s: %zu bidirectional text control%s (U+202A-U+202E, "
			   "U+2066-U+2069) shown as arrows such as "
			   "\xe2\x87\x9a, not applied\n", prefix, name, s->bidi_controls,
			   s->bidi_controls == 1 ? "" : "s");
	if (s->format_chars)
		buf_printf(&b, "%s%s: %zu invisible direction mark%s or format "
			   "character%s removed (LRM, RLM, ALM, U+FEFF, tags)\n", prefix,
			   name, s->format_chars, s->format_chars == 1 ? "" : "s",
			   s->format_chars == 1 ? "" : "s");
	free(name);
	if (b.len == 0) {
		buf_clear(&b);
		return NULL;
	}
	return buf_take(&b);
}

void
source_clear(source *s)
{
	free(s->name);
	free(s->data);
	memset(s, 0, sizeof *s);
}
