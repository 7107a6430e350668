/* library: many documents at once, and which of them mention what.
 *
 * A library is the set of documents found under some roots (directories,
 * walked recursively, and single files). Its index lives in a SQLite file
 * (by default $XDG_DATA_HOME/lectern/library.db, beside the notes) that
 * caches, per file (absolute path): size, mtime, the document's metadata
 * (symbol, date, language, title, session, agenda) and its references
 * (normalised key, kind, count, first node path and text; and every
 * reference as lectern --refs prints it). A scan re-parses
 * only files whose size or mtime changed since they were indexed, that an
 * older indexer indexed, or that could not be read last time, and forgets
 * files that vanished from a root.
 *
 * The cache is shared by every library the user opens; queries answer only
 * for the documents of the roots given to the last library_scan.
 *
 * What a directory walk takes: regular files named *.txt or *.pdf (any
 * case), in every subdirectory; names starting with '.' are skipped, and
 * symbolic links to directories are not followed (no cycles). A file named
 * as a root is taken whatever its name.
 *
 * The index is never trusted blindly and never destroyed: a file that is
 * not a SQLite database, or one that is not ours (application_id), or one
 * written by a newer lectern, or one we cannot write, is left untouched;
 * the library then works in a private in-memory index for this run and
 * says why through the warning. An index of ours found damaged later (by a
 * scan or a query) is left as it is too: the library switches to memory,
 * rescans the last roots, says so through opt->warn and answers.
 *
 * Scans with 16 files or more to parse fork opt->jobs worker processes that
 * parse and send back what the index keeps; the caller's process alone
 * touches SQLite. A worker that dies (a parser crash) costs the files it
 * did not finish: left out of the library (counted as failed) and tried
 * again by the next scan. The workers only parse and _exit: safe in a
 * curses program, whatever the SIGCHLD disposition (records come through
 * the pipes, not exit statuses).
 *
 * Cache validity: size and mtime (nanoseconds) of each file, plus the
 * indexer: lectern's version, LIBRARY_FORMAT, the parser's and the
 * references' rules, the lang option and the catalog (its entries'
 * keys, kinds, titles, dates and paragraph glosses, hashed); a different
 * indexer empties the cache.
 *
 * Nothing here prints (the command line's views are in src/cli/). */
#ifndef LECTERN_LIBRARY_H
#define LECTERN_LIBRARY_H

#include <stddef.h>
#include "catalog.h"

typedef struct library library;

typedef struct library_options {
	const char *db_path;	/* the index file; NULL = the default above,
				   ":memory:" = no file at all */
	int jobs;		/* parser processes for a cold scan: 0 = one per
				   CPU (at most 8), 1 = parse in this process */
	const char *lang;	/* parse option ("en"...), NULL = detect */
	const catalog *catalog;	/* resolves resolutions cited by title
				   (refs_find); may be NULL; must outlive the
				   library */
	/* Called for each problem that does not stop the scan (a root that
	 * does not exist, a file that cannot be read or is binary); msg names
	 * the file. May be NULL. */
	void (*warn)(void *ctx, const char *msg);
	void *warn_ctx;
	/* Called while a scan parses: done of total files to parse (total
	 * is 0 on a warm scan, and then it is not called). For a "indexing
	 * 340/2000" message; may be NULL. Uses warn_ctx. */
	void (*progress)(void *ctx, size_t done, size_t total);
	/* For tests only (NULL in every real use): called in a worker process
	 * (jobs > 1) after it has drawn the file at path and before it
	 * parses it, so that a test can stop or kill exactly that worker.
	 * Uses warn_ctx (the worker's copy of it). */
	void (*worker_hook)(void *ctx, const char *path);
} library_options;

/* What the last scan did (counts of files). */
typedef struct library_stats {
	size_t files;		/* documents in the library after the scan */
	size_t parsed;		/* files read and parsed by this scan */
	size_t unchanged;	/* files whose cached entry was still valid */
	size_t removed;		/* cached entries dropped: file vanished */
	size_t failed;		/* files that could not be read (also warned) */
	size_t missing_roots;	/* roots that do not exist (also warned) */
	size_t dirs_failed;	/* directories under a root that could not be
				   read (also warned); their files, if cached,
				   are dropped as vanished */
} library_stats;

/* One document of the library. Strings are owned by the array they are in;
 * fields unknown in the document are NULL (session: 0). */
typedef struct library_doc {
	long long id;		/* stable while the file is unchanged */
	char *path;		/* absolute path */
	char *symbol;
	char *date;		/* ISO 8601 */
	char *lang;
	char *title;
	char *agenda;		/* "98, 112" or NULL */
	int session;
	long long size_bytes;
	long long mtime_ns;
	char *error;		/* why it could not be read, or NULL */
	size_t nkeys;		/* distinct reference keys in it */
} library_doc;

/* A reference target in one document: how many times the document mentions
 * key and where first. */
typedef struct library_mention {
	long long doc_id;
	char *path;		/* the document's absolute path */
	char *symbol;		/* the document's symbol, or NULL */
	char *title;		/* the document's title, or NULL */
	char *key;		/* normalised key: "A/75 item 98", "A/RES/74/306" */
	char *kind;		/* "agenda", "resolution", "symbol"... */
	size_t count;		/* mentions in the document, the masthead's
				   agenda items included */
	char *first_path;	/* node path of the first mention in the text;
				   "meta" when the only one is the masthead's
				   (doc->meta.agenda: no node) */
	char *first_text;	/* the first mention as written, or NULL */
} library_mention;

/* A reference target across the library. */
typedef struct library_key {
	char *key;
	char *kind;
	size_t ndocs;		/* documents mentioning it */
	size_t count;		/* mentions in all of them */
} library_key;

typedef enum library_sort {
	LIBRARY_SORT_SYMBOL,	/* natural order (A/RES/80/9 < A/RES/80/10),
				   documents without a symbol last, by path */
	LIBRARY_SORT_DATE,	/* oldest first, undated last */
	LIBRARY_SORT_TITLE,
	LIBRARY_SORT_PATH,
} library_sort;

/* Opens (creating it and its directory if needed) the index. Never returns
 * NULL: when the file cannot be used the library falls back to an in-memory
 * index and *warning (caller frees) says why; otherwise *warning is NULL.
 * opt may be NULL (all defaults). */
library *library_open(const library_options *opt, char **warning);
void library_free(library *lib);
/* The file the index lives in, or ":memory:". */
const char *library_db_path(const library *lib);
/* The lang option the library parses with (NULL = detect): a document
 * opened from the library is parsed the same way (doc_open). */
const char *library_lang(const library *lib);

/* Makes the library the documents under these roots, re-indexing what
 * changed. Returns 0, or -1 with *err (caller frees) when the index itself
 * failed (the library is then the previous one). Per-file problems are
 * warnings, counted in *st (which may be NULL). */
int library_scan(library *lib, const char *const *roots, size_t nroots,
		 library_stats *st, char **err);

/* Queries over the current library. Each returns the number of items and
 * sets *out to an array the caller frees with the matching _free, or
 * returns (size_t)-1 with *err set on an index error. */
size_t library_list(library *lib, library_sort by, library_doc **out,
		    char **err);
void library_docs_free(library_doc *docs, size_t n);

/* Documents mentioning key, most mentions first. key is a normalised key
 * ("A/RES/74/306"); when no key equals it, keys ending in " " + key match
 * too, so "item 98" finds "A/75 item 98" and "A/76 item 98". */
size_t library_mentions(library *lib, const char *key,
			library_mention **out, char **err);
/* The references of the document at path (as scanned, or absolute). */
size_t library_doc_refs(library *lib, const char *path,
			library_mention **out, char **err);
/* Frees the array m as returned by library_mentions/_doc_refs (n items):
 * never a pointer into it. */
void library_mentions_free(library_mention *m, size_t n);
/* Frees the strings of one item (the array stays the caller's). */
void library_mention_clear(library_mention *m);
/* Removes from m[0, n) the items of the document at path (as given or
 * absolute: compared after realpath), keeping the order; returns how many
 * are left (the freed places at the end are zeroed: library_mentions_free
 * with either count is right). For "the other documents that mention this
 * key". */
size_t library_mentions_drop_path(library_mention *m, size_t n, const char *path);

/* Every reference target in the library, most documents first. */
size_t library_keys(library *lib, library_key **out, char **err);
void library_keys_free(library_key *k, size_t n);

/* One reference of a document as lectern --refs prints it (refs.h: the
 * document's ref_list in reading order). */
typedef struct library_ref {
	char *path;		/* node path of its block; "meta" for an
				   agenda item of the masthead */
	char *kind;		/* refs_kind_name: "agenda-item"... */
	char *key;		/* normalised key */
	char *text;		/* as written: text_len bytes (and a '\0') */
	size_t text_len;
	char *para;		/* paragraphs cited, or NULL */
	char *title;		/* the catalog's title, or NULL */
} library_ref;

/* The references of the document at path (the name the index has for it:
 * library_walk's index_paths) when the current library holds it, read from
 * the index: no parsing. The first call after a scan reads those of every
 * document of the library at once (kept until the next scan: about 3 KB
 * a document), so that a caller asking for each is fast. Returns 1 with *out (n items, free with
 * library_refs_free; NULL when n is 0), 0 when the library has no
 * references for it (not under the roots of the last scan, or it could not
 * be read: the caller parses it and says why), -1 with *err (caller frees)
 * on an index error. */
int library_refs_of(library *lib, const char *path, library_ref **out, size_t *n,
		    char **err);
void library_refs_free(library_ref *r, size_t n);

/* The document files under roots, for reading them all (lectern --refs):
 * for each root in the order given, a directory's files (the walk rules
 * above) in path order, a file as given, "-" as itself. A root that does
 * not exist or a directory that cannot be read is said through warn (may
 * be NULL) and skipped. Returns the count; *out gets an array of that many
 * paths that the caller frees with library_paths_free. index_paths may be
 * NULL; else it gets as many names under which library_scan of the same
 * roots indexes the files (absolute; NULL for "-" and where the root has
 * no real path), freed with library_paths_free. */
size_t library_walk(const char *const *roots, size_t nroots,
		    void (*warn)(void *ctx, const char *msg), void *ctx,
		    char ***out, char ***index_paths);
void library_paths_free(char **paths, size_t n);

#endif
