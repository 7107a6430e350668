/* lang: the words of UN documents in each language the parser knows
 * (en, es, fr, ru), as data tables, so that parse.c holds no language in
 * its control flow; language detection. (Citations in the document's
 * language, "Anexo, párr. 8", are un/cite.h's, from these words.)
 *
 * All strings are UTF-8. Word lists are NULL-terminated. Matching is done
 * by the helpers below: lang_prefix (case-insensitive for ASCII and for
 * the Latin-1, Cyrillic letters the tables use) at a word boundary. */
#ifndef LECTERN_LANG_H
#define LECTERN_LANG_H

#include <stddef.h>
#include "doc.h"
#include "un/phrase.h"

typedef struct lang_name {
	const char *word;	/* "ruso", "Russian", "anglais" … */
	const char *code;	/* "ru" */
} lang_name;

typedef struct lang_words {
	const char *code;		/* "en" */
	const char *const *letter;	/* openings of a letter title */
	const char *const *annex;	/* "Annex", "Anexo" … (a heading word) */
	const char *const *enclosure;	/* "Enclosure" … (treated as annex) */
	const char *const *signed_;	/* "(Signed)" … */
	const char *const *months;	/* 12 names; Russian: genitive */
	/* Agenda items in running text: a word before the numbers and the
	 * phrase that must follow them ("del programa"), or must precede
	 * the word ("agenda" in "agenda items"). */
	const char *const *agenda_word;	/* "items", "temas", "points" … */
	const char *const *agenda_after; /* "del programa" …, or NULL */
	const char *const *agenda_before; /* "agenda" …, or NULL */
	const char *const *agenda_heading; /* masthead "Agenda item" … */
	const char *const *conj;	/* "and", "y", "et", "и" … */
	const char *const *plenary;	/* "plenary meeting" … */
	const char *const *session;	/* "session" … (line ends with it) */
	/* Letter titles: sender after one of from[], up to one of
	 * from_end[]; addressee after one of to[], up to one of to_end[]. */
	const char *const *from;
	const char *const *from_end;
	const char *const *to;
	const char *const *to_end;
	const char *const *stop;	/* frequent words, for detection */
	/* Citation words. */
	const char *cite_letter, *cite_annex, *cite_para, *cite_sub,
		   *cite_section, *cite_footnote, *cite_sig, *cite_note;
	/* The units of legal texts ("art. 12", "chap. II") and a preambular
	 * paragraph: cite_preamble is a format with one %s for its number
	 * ("preambular para. %s", "párr. %s del preámbulo"). */
	const char *cite_part, *cite_chapter, *cite_article, *cite_rule,
		   *cite_preamble;
	/* A reference named on the message line: "tema 98 (A/75)",
	 * "párrafo 29". */
	const char *ref_item, *ref_para;
} lang_words;

/* The table for code ("en", "es", "fr", "ru"); English for anything else. */
const lang_words *lang_get(const char *code);
/* All tables, NULL-terminated (masthead words are matched in all). */
const lang_words *const *lang_all(void);
/* The language of text[0, n): the script most letters are written in
 * (Arabic "ar", CJK ideographs "zh", Cyrillic "ru"; lang_get has no
 * table for ar and zh yet: their words are English), then frequent
 * words among en, es, fr. Returns a static code; "en" when nothing tells. */
const char *lang_detect(const char *text, size_t n);

/* Organisation, organ, distribution and "Original" words of mastheads, in
 * every language (a Spanish document has an English masthead sometimes). */
extern const char *const lang_org_names[];	/* "United Nations" … */
extern const char *const lang_organs[];		/* "General Assembly" … */
extern const char *const lang_original[];	/* "Original:" … */
extern const char *const lang_openers[];	/* "The States Parties to …" */
extern const char *const lang_not_title[];	/* "Draft resolution" … */
extern const char *const lang_connectors[];	/* "and", "of", "de" … */
extern const char *const lang_preamble[];	/* "Mindful", "Conscious" … */
extern const char *const lang_articles[];	/* "the", "la", "les" … */
typedef struct lang_section {
	const char *word;	/* "Article" */
	int level;		/* 1 part … 4 article */
	node_unit unit;		/* UNIT_ARTICLE … */
} lang_section;
extern const lang_section lang_sections[];	/* "Chapter", "Article" … */
/* The words a citation may name a unit or a paragraph by, in every
 * language, full or abbreviated ("Article", "art.", "Статья", "ст.",
 * "para.", "párr.", "п.", "pp"): a paragraph word has unit UNIT_NONE.
 * Longer words come before their prefixes. */
typedef struct lang_cite_word {
	const char *word;
	node_unit unit;
} lang_cite_word;
extern const lang_cite_word lang_cite_words[];
/* The citation word of unit u in w's language ("art."), NULL for none. */
const char *lang_unit_word(const lang_words *w, node_unit u);
/* Whether some word of lang_sections might start s[0, n) (0: none can). */
int lang_sections_may_start(const char *s, size_t n);
extern const char *const lang_contents[];	/* "Contents" … */
extern const char *const lang_toc_columns[];	/* "Paragraphs", "Page" … */
extern const char *const lang_endnotes[];	/* "Notes" … */
extern const char *const lang_draft[];		/* "draft resolution" … */
extern const lang_name lang_names[];		/* language names -> code */
extern const char *const lang_ordinal_units[];	/* "first" … "ninth" */
extern const char *const lang_ordinal_tens[];	/* "tenth" … "ninetieth" */
extern const char *const lang_cardinal_tens[];	/* "twenty" … "ninety" */

/* Phrases of references, for un/phrase.h (refs.c reads them): each
 * list ends with a NULL text; phrase.lang is a language index below. */
enum { LANG_EN, LANG_ES, LANG_FR, LANG_RU, LANG_ANY };
/* The code of a language index ("es"); NULL for LANG_ANY. */
const char *lang_index_code(int index);
/* How an agenda head word stands (phrase.flag of lang_agenda_heads). */
enum lang_head_need {
	LANG_NEED_NONE,		/* "agenda item 98" stands alone */
	LANG_NEED_SUFFIX,	/* "temas 98 y 112" needs "del programa" */
	LANG_NEED_CONTEXT,	/* "item 98": a suffix, or block start, or a
				   context word before ("under item 21") */
};
/* What a resolution head names (phrase.flag of lang_res_heads). */
enum lang_res_kind { LANG_RESOLUTION, LANG_DECISION };
/* Organs named around a resolution number (phrase.flag of
 * lang_organ_before and lang_organ_after). */
enum lang_organ {
	LANG_ORG_NONE, LANG_ORG_GA, LANG_ORG_SC, LANG_ORG_HRC, LANG_ORG_ECOSOC,
	LANG_ORG_CHR,		/* the Commission on Human Rights */
	LANG_ORG_COMMISSION,	/* "Commission": which one is not said */
	LANG_ORG_COUNCIL,	/* "Council" alone: the Human Rights Council
				   right before a session/number resolution
				   ("Council resolution 4/4"), nothing further
				   away */
};
extern const phrase lang_agenda_heads[];	/* "agenda item", "temas" (flag: need) */
extern const phrase lang_agenda_context[];	/* "under" item 21 */
extern const phrase lang_agenda_foreign[];	/* "Conference" agenda item */
extern const phrase lang_agenda_chain[];	/* "and" item 23 */
extern const phrase lang_agenda_suffixes[];	/* "del programa" (flag: agenda_form) */
extern const phrase lang_agenda_session_links[]; /* "of the" seventy-fourth session */
extern const phrase lang_list_seps[];		/* "98 y 112" */
extern const phrase lang_range_seps[];		/* "77 à 85" */
extern const phrase lang_res_heads[];		/* "resolución" (flag: lang_res_kind) */
extern const phrase lang_para_words[];		/* "paragraph" 29 of resolution */
extern const phrase lang_para_links[];		/* "of the" */
extern const phrase lang_para_not_after[];	/* "preambular" paragraph */
extern const phrase lang_entitled_words[];	/* "titulada" “…” */
extern const phrase lang_organ_before[];	/* "Security Council" resolution */
extern const phrase lang_organ_after[];		/* "du Conseil de sécurité" */
extern const phrase lang_date_links[];		/* 76/217 "of" 17 December 2021 */
extern const phrase lang_months_extra[];	/* "setiembre" (flag: month) */
extern const phrase lang_date_fillers[];	/* "de", "года" */

/* A word and the number it stands for. */
typedef struct lang_number {
	const char *word;
	int value;
} lang_number;
/* Session ordinals of every language (session.c, refs.c): tens, the
 * links between tens and units, units, the session words; NULL-ended. */
extern const lang_number lang_session_tens[];
extern const char *const lang_session_links[];
extern const lang_number lang_session_units[];
extern const char *const lang_session_words[];
extern const char *const lang_page_words[];	/* "Page", "Página" … */

/* Masthead words, in every language: the General Assembly's name,
 * distribution words and their English value, working groups' names,
 * language versions named in their own language. */
typedef struct lang_value {
	const char *word;	/* "limitée" */
	const char *value;	/* "Limited" */
} lang_value;
extern const char *const lang_ga_names[];	/* "Asamblea General" … */
extern const lang_value lang_distributions[];	/* "générale" → "General" */
extern const char *const lang_working_groups[];	/* "Groupe de travail" … */
extern const char *const lang_version_names[];	/* "Español" … */
/* Older and web mastheads (parse/furniture.c reads them from here): */
extern const char *const lang_running_page[];	/* "Page", "English Page" … */
extern const char *const lang_organ_halves[];	/* "ASSEMBLY", "CONSEJO" … */
extern const char *const lang_general_caps[];	/* "GENERAL", "GÉNÉRALE" … */
extern const char *const lang_assembly_caps[];	/* "ASSEMBLY", "АССАМБЛЕЯ" … */
extern const char *const lang_assembly_first[];	/* "ASAMBLEA" (before GENERAL) */
extern const char *const lang_year_words[];	/* "year", "año" … ("Fiftieth year") */
extern const char *const lang_distr_words[];	/* "Distr." */
extern const char *const lang_distr_caps[];	/* "LIMITED", "LIMITÉE" … alone */
extern const char *const lang_committee_words[]; /* "Committee" (a line's end) */
extern const char *const lang_chrome_facts[];	/* "Pages:", "Tamaño:" … */
extern const char *const lang_chrome_counted[];	/* "views", "descargas" … */
/* Words a list item may end on before the next item ("and", "или"), and
 * the year word after a date ("года", "г"), in every language. */
extern const char *const lang_list_conjunctions[];
extern const char *const lang_year_suffixes[];	/* " года", " г" */
/* The English distribution of a word s[0, n) starts with ("LIMITÉE" →
 * "Limited"), case-insensitive, any language; NULL if none. */
const char *lang_distribution(const char *s, size_t n);

/* If s[0, n) starts with word w (case-insensitive, then a non-letter or
 * the end), returns the bytes of w matched; else 0. */
size_t lang_prefix(const char *s, size_t n, const char *w);
/* The first word of list that s starts with: its length, and *which.
 * list must be a static array: what its words can start with is cached
 * by its address. */
size_t lang_prefix_any(const char *s, size_t n, const char *const *list,
		       size_t *which);
/* Position of the first occurrence of w in s[0, n) at a word start
 * (case-insensitive); (size_t)-1 if none. */
size_t lang_find(const char *s, size_t n, const char *w);
/* The code for a language name ("ruso" -> "ru"), or NULL. */
const char *lang_code_of_name(const char *s, size_t n);

#endif
