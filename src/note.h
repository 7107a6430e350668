/* note: one note, the value notes.c stores (making one on a range of a
 * document, its tags) and how the reader names it (citation, status,
 * quote line). Nothing here touches the database. */
#ifndef LECTERN_NOTE_H
#define LECTERN_NOTE_H

#include <stddef.h>
#include "anchor.h"
#include "buf.h"
#include "doc.h"

/* A note. All strings are owned by the note (note_clear frees them). */
typedef struct note {
	long long id;		/* rowid; 0 before it is stored */
	char *uid;		/* "urn:uuid:…": the W3C annotation id; made
				   by notes_add when NULL */
	char *doc_fp;		/* fingerprint of the document it was made on */
	char *doc_key;		/* identity of that document (anchor.h) */
	anchor a;		/* where it is (in that document) */
	char *body;		/* the note itself, UTF-8, may be multi-line */
	char **tags;		/* ntags tag names, no two equal once folded
				   (fold.h: #Ação and #acao are one tag) */
	size_t ntags;
	char *created;		/* ISO 8601 UTC "2026-11-26T21:40:00Z"; set by
				   notes_add when NULL */
	char *modified;
	/* Filled by notes_list_doc (not stored as such): */
	anchor_match match;	/* where it is in the document listed */
	char *cur_path;		/* path of match.node, or the old path */
	/* Last re-attachment recorded by notes_record_status: */
	char *status;		/* "ok", "moved", "fuzzy", "orphan" or NULL */
	double score;
} note;

/* Fills *n (zeroed first) as a new note on plain bytes [start_byte,
 * end_byte) of ad's document (anchor_make) with a copy of body. Returns 0,
 * or -1 (n zeroed) when the range holds no text. */
int note_init(note *n, const anchor_doc *ad, size_t start_byte, size_t end_byte,
	      const char *body);
void note_clear(note *n);	/* frees the strings; n itself is not freed */
/* Adds a tag (copied) unless already there, compared folded (fold_eq):
 * the first spelling is kept. */
void note_add_tag(note *n, const char *tag);
/* Finds the next #tag word of s[*pos, n): a '#' at the start or after
 * white space, '(' or '[', followed by letters, digits, marks, '-' or '_'
 * (the tag). Returns 1 with the tag at bytes [*tag_off, *tag_off +
 * *tag_len) of s and *pos after it; 0 (*pos = n) when there is none. */
int note_next_hashtag(const char *s, size_t n, size_t *pos, size_t *tag_off,
		      size_t *tag_len);
/* Whether s[0, n) has tag as one of its #tag words (compared folded). */
int note_has_hashtag(const char *s, size_t n, const char *tag);
/* Adds every #tag word of body as a tag (note_add_tag). */
void note_add_body_tags(note *n, const char *body);
/* Removes every tag of n. */
void note_clear_tags(note *n);

typedef struct note_list {
	note *v;
	size_t n, cap;
} note_list;

void note_list_clear(note_list *l);	/* frees the notes and the array */

/* Citation of a node in the document's language ("Anexo, párr. 8"); a new
 * string. NULL nd gives "—". */
char *note_cite_node(const doc *d, const node *nd);

/* A note's citation where it is now (note_cite_node), or for an orphan where
 * it was (cite_of_path). Caller frees. */
char *note_cite(const doc *d, const note *n);
/* 1 when n is not in this version of the document (its old citation and
 * path would name whatever clause now has that number), else 0. */
int note_is_orphan(const note *n);
/* Appends n's status to b: "ok", "moved", "fuzzy 0.93", "orphan" (with its
 * score when it has one). */
void note_status_text(buf *b, const note *n);

/* “the quote”, on one line (runs of white space as one space), cut after a
 * word to cols columns (the quotation marks not counted) with '…': how an
 * orphan is named, having no clause. Caller frees. */
char *note_quote_line(const char *exact, int cols);

#endif
