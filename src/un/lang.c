/* lang: per-language word tables, language detection and citations
 * (lang.h). The tables are the only place the parser learns words; adding a
 * language is adding a table. Sources of the forms: the UN
 * Editorial Manual and the corpus (tests/data/parse/corpus). */
#include <build-config.h>

#include <stdint.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "un/agenda.h"
#include "un/lang.h"
#include "util.h"

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const lang_words en = {
	.code = "en",
	.letter = L("Letter dated", "Identical letters dated", "Note verbale dated",
		    "Letter from", "Note verbale from"),
	.annex = L("Annex", "ANNEX"),
	.enclosure = L("Enclosure", "ENCLOSURE"),
	.signed_ = L("(Signed)", "(signed)"),
	.months = L("January", "February", "March", "April", "May", "June", "July",
		    "August", "September", "October", "November", "December"),
	.agenda_word = L("items", "item", "sub-items", "sub-item"),
	.agenda_after = NULL,
	.agenda_before = L("agenda"),
	.agenda_heading = L("Agenda items", "Agenda item", "Items", "Item"),
	.conj = L("and", ",", "&"),
	.plenary = L("plenary meeting"),
	.session = L("session"),
	.from = L("from the", "from"),
	.from_end = L(" to the United Nations", " addressed to", " to the Secretary"),
	.to = L("addressed to the", "addressed to"),
	.to_end = L(" by ", " from "),
	.stop = L("the", "of", "and", "to", "in", "that", "for", "with", "on", "is"),
	.cite_letter = "Letter", .cite_annex = "Annex", .cite_para = "para.",
	.cite_sub = "subpara.", .cite_section = "sect.", .cite_footnote = "note",
	.cite_sig = "signature", .cite_note = "note",
	.cite_part = "part", .cite_chapter = "chap.", .cite_article = "art.",
	.cite_rule = "rule", .cite_preamble = "preambular para. %s",
	.ref_item = "item", .ref_para = "paragraph",
};

static const lang_words es = {
	.code = "es",
	.letter = L("Carta de fecha", "Cartas idénticas de fecha", "Nota verbal de fecha",
		    "Carta dirigida"),
	.annex = L("Anexo", "ANEXO"),
	.enclosure = L("Apéndice", "Adjunto"),
	.signed_ = L("(Firmado)", "(Firmada)", "(firmado)"),
	.months = L("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		    "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
	.agenda_word = L("temas", "tema", "subtemas", "subtema"),
	.agenda_after = L("del programa"),
	.agenda_before = NULL,
	.agenda_heading = L("Temas", "Tema"),
	.conj = L("y", "e", ","),
	.plenary = L("sesión plenaria"),
	.session = L("período de sesiones", "periodo de sesiones"),
	.from = L("por el", "por la", "por los", "por"),
	.from_end = L(" ante las Naciones Unidas", " dirigida"),
	.to = L("dirigida al", "dirigida a la", "dirigidas al", "dirigida a"),
	.to_end = L(" por ", " del "),
	.stop = L("de", "la", "los", "las", "el", "que", "y", "del", "en", "por"),
	.cite_letter = "Carta", .cite_annex = "Anexo", .cite_para = "párr.",
	.cite_sub = "apdo.", .cite_section = "secc.", .cite_footnote = "nota",
	.cite_sig = "firma", .cite_note = "nota",
	.cite_part = "parte", .cite_chapter = "cap.", .cite_article = "art.",
	.cite_rule = "regla", .cite_preamble = "párr. %s del preámbulo",
	.ref_item = "tema", .ref_para = "párrafo",
};

static const lang_words fr = {
	.code = "fr",
	.letter = L("Lettre datée", "Lettres identiques datées", "Note verbale datée",
		    "Lettre adressée"),
	.annex = L("Annexe", "ANNEXE"),
	.enclosure = L("Pièce jointe", "Appendice"),
	.signed_ = L("(Signé)", "(Signée)", "(signé)"),
	.months = L("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		    "août", "septembre", "octobre", "novembre", "décembre"),
	.agenda_word = L("points", "point", "alinéas", "alinéa"),
	.agenda_after = L("de l’ordre du jour", "de l'ordre du jour"),
	.agenda_before = NULL,
	.agenda_heading = L("Points", "Point"),
	.conj = L("et", ","),
	.plenary = L("séance plénière"),
	.session = L("session"),
	.from = L("par le", "par la", "par les", "par"),
	.from_end = L(" auprès de l", " adressée"),
	.to = L("adressée au", "adressée à la", "adressées au", "adressée à"),
	.to_end = L(" par ", " de "),
	.stop = L("de", "la", "les", "des", "et", "le", "du", "est", "une", "pour"),
	.cite_letter = "Lettre", .cite_annex = "Annexe", .cite_para = "par.",
	.cite_sub = "al.", .cite_section = "sect.", .cite_footnote = "note",
	.cite_sig = "signature", .cite_note = "note",
	.cite_part = "partie", .cite_chapter = "chap.", .cite_article = "art.",
	.cite_rule = "art.", .cite_preamble = "al. %s du préambule",
	.ref_item = "point", .ref_para = "paragraphe",
};

static const lang_words ru = {
	.code = "ru",
	.letter = L("Письмо", "Идентичные письма", "Вербальная нота"),
	.annex = L("Приложение", "ПРИЛОЖЕНИЕ"),
	.enclosure = L("Добавление", "Вложение"),
	.signed_ = L("(Подпись)", "(подпись)", "(Подписано)"),
	.months = L("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
		    "августа", "сентября", "октября", "ноября", "декабря"),
	.agenda_word = L("пунктам", "пункту", "пунктов", "пункта", "пункты", "пункт"),
	.agenda_after = L("повестки дня"),
	.agenda_before = NULL,
	.agenda_heading = L("Пункты", "Пункт"),
	.conj = L("и", ","),
	.plenary = L("пленарное заседание"),
	.session = L("сессия"),
	.from = L("Письмо", "Вербальная нота"),
	.from_end = L(" от ", " при Организации"),
	.to = L("на имя"),
	.to_end = L(NULL),
	.stop = L("и", "в", "на", "по", "с", "что", "о", "для", "не", "к"),
	.cite_letter = "Письмо", .cite_annex = "Приложение", .cite_para = "п.",
	.cite_sub = "подп.", .cite_section = "разд.", .cite_footnote = "сноска",
	.cite_sig = "подпись", .cite_note = "примечание",
	.cite_part = "ч.", .cite_chapter = "гл.", .cite_article = "ст.",
	.cite_rule = "правило", .cite_preamble = "п. %s преамбулы",
	.ref_item = "пункт", .ref_para = "пункт",
};

static const lang_words *const all[] = { &en, &es, &fr, &ru, NULL };

const char *const lang_org_names[] = {
	"United Nations", "Nations Unies", "Naciones Unidas",
	"Организация Объединенных Наций", NULL,
};

const char *const lang_organs[] = {
	"General Assembly", "Security Council", "Economic and Social Council",
	"Human Rights Council", "Assemblée générale", "Conseil de sécurité",
	"Conseil économique et social", "Conseil des droits de l’homme",
	"Conseil des droits de l'homme", "Asamblea General", "Consejo de Seguridad",
	"Consejo Económico y Social", "Consejo de Derechos Humanos",
	"Генеральная Ассамблея", "Совет Безопасности",
	"Экономический и Социальный Совет", "Совет по правам человека", NULL,
};

/* A sponsor line: "Indonesia:* draft resolution" (the words after the colon). */
const char *const lang_draft[] = {
	"draft resolution", "draft decision", "draft resolutions",
	"proyecto de resolución", "proyecto de decisión",
	"projet de résolution", "projet de décision",
	"проект резолюции", "проект решения", "revised draft resolution",
	"amendment", "amendments", "enmienda", "enmiendas", "amendement",
	"amendements", "поправка", "поправки", NULL,
};

/* Lines that open the preamble of a treaty, like "The General Assembly,". */
const char *const lang_openers[] = {
	"The States Parties to the present Convention",
	"The States Parties to this Convention",
	"The States Parties to the present Protocol",
	"Los Estados partes en la presente Convención",
	"Les États parties à la présente Convention",
	"Государства — участники настоящей Конвенции",
	"Государства-участники настоящей Конвенции", NULL,
};

/* Headings that say what a document is, not what it is called. */
const char *const lang_not_title[] = {
	"Draft resolution", "Draft decision", "Revised draft", "Resolution adopted by",
	"Decision adopted by", "Note by the", "Report of the Secretary-General",
	"Proyecto de resolución", "Proyecto de decisión", "Resolución aprobada por",
	"Nota de la", "Nota del", "Projet de résolution", "Projet de décision",
	"Résolution adoptée par", "Note du", "Note de la", "Проект резолюции",
	"Проект решения", "Резолюция, принятая", "Записка", NULL,
};

/* Words a heading line never ends with: the title goes on. */
const char *const lang_connectors[] = {
	"and", "or", "of", "the", "on", "for", "in", "to", "by", "with", "a", "an",
	"de", "del", "la", "las", "los", "el", "y", "e", "o", "en", "por", "para",
	"et", "ou", "du", "des", "le", "les", "à", "au", "aux", "sur",
	"и", "в", "на", "по", "с", "о", "для", "или", NULL,
};

/* Words that open a preambular paragraph without being participles. */
const char *const lang_preamble[] = {
	"Mindful", "Aware", "Conscious", "Convinced", "Deeply", "Concerned",
	"Alarmed", "Determined", "Guided", "Cognizant", "Desirous",
	"Consciente", "Convencida", "Profundamente", "Preocupada", "Guiada",
	"Consciente", "Convaincue", "Profondément", "Préoccupée", "Guidée",
	NULL,
};

/* Definite articles (a short title in parentheses: "(the Kyoto Model
 * Strategies)"). */
const char *const lang_articles[] = {
	"the", "The", "el", "la", "los", "las", "le", "les", NULL,
};

/* Parts of a legal text, with their section level. */
const lang_section lang_sections[] = {
	{ "Part", 1, UNIT_PART }, { "Parte", 1, UNIT_PART },
	{ "Partie", 1, UNIT_PART }, { "Часть", 1, UNIT_PART },
	{ "Chapter", 2, UNIT_CHAPTER }, { "Capítulo", 2, UNIT_CHAPTER },
	{ "Chapitre", 2, UNIT_CHAPTER }, { "Глава", 2, UNIT_CHAPTER },
	{ "Section", 3, UNIT_SECTION }, { "Sección", 3, UNIT_SECTION },
	{ "Раздел", 3, UNIT_SECTION },
	{ "Article", 4, UNIT_ARTICLE }, { "Artículo", 4, UNIT_ARTICLE },
	{ "Статья", 4, UNIT_ARTICLE },
	{ "Rule", 4, UNIT_RULE }, { "Regla", 4, UNIT_RULE },
	{ "Правило", 4, UNIT_RULE },
	{ NULL, 0, UNIT_NONE },
};

/* Citation words of every language (lang.h): the section words above, the
 * abbreviations of the cite_* fields, paragraph words ("op", "operative
 * paragraph": a resolution's operative paragraphs). cite.c reads them
 * folded (no case, no accents) and their closing period optional. */
const lang_cite_word lang_cite_words[] = {
	{ "preambular paragraph", UNIT_PREAMBLE }, { "preambular para.", UNIT_PREAMBLE },
	{ "preambular", UNIT_PREAMBLE }, { "pp.", UNIT_PREAMBLE }, { "pp", UNIT_PREAMBLE },
	{ "Part", UNIT_PART }, { "Parte", UNIT_PART }, { "Partie", UNIT_PART },
	{ "Часть", UNIT_PART }, { "ч.", UNIT_PART },
	{ "Chapter", UNIT_CHAPTER }, { "Capítulo", UNIT_CHAPTER },
	{ "Chapitre", UNIT_CHAPTER }, { "Глава", UNIT_CHAPTER }, { "chap.", UNIT_CHAPTER },
	{ "chap", UNIT_CHAPTER }, { "cap.", UNIT_CHAPTER }, { "гл.", UNIT_CHAPTER },
	{ "Section", UNIT_SECTION }, { "Sección", UNIT_SECTION }, { "Раздел", UNIT_SECTION },
	{ "sect.", UNIT_SECTION }, { "secc.", UNIT_SECTION }, { "разд.", UNIT_SECTION },
	{ "Article", UNIT_ARTICLE }, { "Artículo", UNIT_ARTICLE }, { "Статья", UNIT_ARTICLE },
	{ "art.", UNIT_ARTICLE }, { "art", UNIT_ARTICLE }, { "ст.", UNIT_ARTICLE },
	{ "Rule", UNIT_RULE }, { "Regla", UNIT_RULE }, { "Règle", UNIT_RULE },
	{ "Правило", UNIT_RULE },
	{ "operative paragraph", UNIT_NONE }, { "operative para.", UNIT_NONE },
	{ "operative", UNIT_NONE }, { "op.", UNIT_NONE },
	{ "paragraph", UNIT_NONE }, { "párrafo", UNIT_NONE }, { "paragraphe", UNIT_NONE },
	{ "apartado", UNIT_NONE }, { "параграф", UNIT_NONE },
	{ "para.", UNIT_NONE }, { "para", UNIT_NONE }, { "párr.", UNIT_NONE },
	{ "par.", UNIT_NONE }, { "п.", UNIT_NONE }, { "пункт", UNIT_NONE },
	{ NULL, UNIT_NONE },
};

const char *
lang_unit_word(const lang_words *w, node_unit u)
{
	switch (u) {
	case UNIT_PART: return w->cite_part;
	case UNIT_CHAPTER: return w->cite_chapter;
	case UNIT_SECTION: return w->cite_section;
	case UNIT_ARTICLE: return w->cite_article;
	case UNIT_RULE: return w->cite_rule;
	default: return NULL;
	}
}

/* Tables of contents: the title and the column heads. */
const char *const lang_contents[] = {
	"Contents", "CONTENTS", "Table des matières", "TABLE DES MATIÈRES",
	"Índice", "ÍNDICE", "Содержание", NULL,
};
const char *const lang_toc_columns[] = {
	"Paragraphs", "Page", "Paragraphes", "Párrafos", "Página", "Пункты",
	"Стр.", "Стр", "Paragraphs Page", "Paragraphes Page", "Пункты Стр.",
	NULL,
};

/* The heading of endnotes collected at the end of a report. */
const char *const lang_endnotes[] = {
	"Notes", "Endnotes", "Notas", "Примечания", NULL,
};

const char *const lang_original[] = {
	"Original:", "Original :", "Original", "Оригинал:", "Подлинный текст:", NULL,
};

const lang_name lang_names[] = {
	{ "English", "en" }, { "inglés", "en" }, { "anglais", "en" },
	{ "английский", "en" }, { "английском", "en" },
	{ "Spanish", "es" }, { "español", "es" }, { "espagnol", "es" },
	{ "испанский", "es" }, { "испанском", "es" },
	{ "French", "fr" }, { "francés", "fr" }, { "français", "fr" },
	{ "французский", "fr" }, { "французском", "fr" },
	{ "Russian", "ru" }, { "ruso", "ru" }, { "russe", "ru" },
	{ "русский", "ru" }, { "русском", "ru" },
	{ "Arabic", "ar" }, { "árabe", "ar" }, { "arabe", "ar" },
	{ "арабский", "ar" }, { "арабском", "ar" },
	{ "Chinese", "zh" }, { "chino", "zh" }, { "chinois", "zh" },
	{ "китайский", "zh" }, { "китайском", "zh" },
	{ NULL, NULL },
};

/* English session ordinals ("Seventy-fifth session"): the masthead form. */
const char *const lang_ordinal_units[] = {
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth", "ninth", NULL,
};
const char *const lang_ordinal_tens[] = {
	"tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
	"seventieth", "eightieth", "ninetieth", NULL,
};
const char *const lang_cardinal_tens[] = {
	"ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", NULL,
};

/* ---- phrases of references (refs.c; written as in the text, folded by
 * un/phrase.c when first used) ---- */

const phrase lang_agenda_heads[] = {
	{ "agenda items", LANG_EN, LANG_NEED_NONE },
	{ "agenda item", LANG_EN, LANG_NEED_NONE },
	{ "agenda sub-items", LANG_EN, LANG_NEED_NONE },
	{ "agenda sub-item", LANG_EN, LANG_NEED_NONE },
	{ "items", LANG_EN, LANG_NEED_CONTEXT },
	{ "item", LANG_EN, LANG_NEED_CONTEXT },
	{ "temas", LANG_ES, LANG_NEED_SUFFIX },
	{ "tema", LANG_ES, LANG_NEED_SUFFIX },
	{ "subtemas", LANG_ES, LANG_NEED_SUFFIX },
	{ "subtema", LANG_ES, LANG_NEED_SUFFIX },
	{ "points", LANG_FR, LANG_NEED_CONTEXT },
	{ "point", LANG_FR, LANG_NEED_CONTEXT },
	{ "alinéas", LANG_FR, LANG_NEED_SUFFIX },
	{ "alinéa", LANG_FR, LANG_NEED_SUFFIX },
	/* Russian: the noun declines; all forms are listed. */
	{ "пункт", LANG_RU, LANG_NEED_SUFFIX }, { "пункта", LANG_RU, LANG_NEED_SUFFIX },
	{ "пункту", LANG_RU, LANG_NEED_SUFFIX }, { "пунктом", LANG_RU, LANG_NEED_SUFFIX },
	{ "пункте", LANG_RU, LANG_NEED_SUFFIX }, { "пункты", LANG_RU, LANG_NEED_SUFFIX },
	{ "пунктов", LANG_RU, LANG_NEED_SUFFIX }, { "пунктам", LANG_RU, LANG_NEED_SUFFIX },
	{ "пунктами", LANG_RU, LANG_NEED_SUFFIX }, { "пунктах", LANG_RU, LANG_NEED_SUFFIX },
	{ "подпункт", LANG_RU, LANG_NEED_SUFFIX }, { "подпункта", LANG_RU, LANG_NEED_SUFFIX },
	{ "подпунктам", LANG_RU, LANG_NEED_SUFFIX }, { "подпунктах", LANG_RU, LANG_NEED_SUFFIX },
	{ NULL, 0, 0 },
};

/* Words right before an LANG_NEED_CONTEXT head that make it an agenda item. */
const phrase lang_agenda_context[] = {
	{ "under", LANG_EN, 0 }, { "on", LANG_EN, 0 }, { "of", LANG_EN, 0 },
	{ "(", LANG_ANY, 0 },	/* "Effects of atomic radiation (item 47)" */
	{ "au titre du", LANG_FR, 0 }, { "au titre des", LANG_FR, 0 },
	{ NULL, 0, 0 },
};

/* Another body's agenda right before the head: "the General Conference
 * agenda item 8" (IAEA) is not the General Assembly's. */
const phrase lang_agenda_foreign[] = {
	{ "conference", LANG_EN, 0 }, { "council", LANG_EN, 0 }, { "board", LANG_EN, 0 },
	{ "commission", LANG_EN, 0 }, { "conference's", LANG_EN, 0 },
	{ "council's", LANG_EN, 0 }, { "board's", LANG_EN, 0 },
	{ NULL, 0, 0 },
};

/* Before an LANG_NEED_CONTEXT head that follows an agenda item closely:
 * "under item 21 and sub-items (a) and (b) and item 23". */
const phrase lang_agenda_chain[] = {
	{ "and", LANG_EN, 0 }, { "et", LANG_FR, 0 }, { ",", LANG_ANY, 0 },
	{ NULL, 0, 0 },
};

/* After the list. Longest first: "del programa provisional" before
 * "del programa". */
const phrase lang_agenda_suffixes[] = {
	{ "of the provisional agenda", LANG_EN, AGENDA_PROVISIONAL },
	{ "on the provisional agenda", LANG_EN, AGENDA_PROVISIONAL },
	{ "of the preliminary list", LANG_EN, AGENDA_PRELIMINARY },
	{ "of the agenda", LANG_EN, AGENDA_ADOPTED },
	{ "on the agenda", LANG_EN, AGENDA_ADOPTED },
	{ "del programa provisional", LANG_ES, AGENDA_PROVISIONAL },
	{ "del programa", LANG_ES, AGENDA_ADOPTED },
	{ "de la lista preliminar", LANG_ES, AGENDA_PRELIMINARY },
	{ "de l'ordre du jour provisoire", LANG_FR, AGENDA_PROVISIONAL },
	{ "de l'ordre du jour", LANG_FR, AGENDA_ADOPTED },
	{ "de la liste préliminaire", LANG_FR, AGENDA_PRELIMINARY },
	{ "предварительной повестки дня", LANG_RU, AGENDA_PROVISIONAL },
	{ "повестки дня", LANG_RU, AGENDA_ADOPTED },
	{ "предварительного перечня", LANG_RU, AGENDA_PRELIMINARY },
	{ NULL, 0, 0 },
};

/* After an agenda suffix, before the session it belongs to: "item 109 of
 * the provisional agenda of the seventy-fourth session". */
const phrase lang_agenda_session_links[] = {
	{ "of the", LANG_EN, 0 }, { "of its", LANG_EN, 0 }, { "del", LANG_ES, 0 },
	{ "de su", LANG_ES, 0 }, { "de la", LANG_FR, 0 }, { "de sa", LANG_FR, 0 },
	{ NULL, 0, 0 },
};

/* Between two items of a list. */
const phrase lang_list_seps[] = {
	{ ", and", LANG_EN, 0 }, { "and", LANG_EN, 0 }, { ", y", LANG_ES, 0 },
	{ "y", LANG_ES, 0 }, { "e", LANG_ES, 0 }, { "et", LANG_FR, 0 }, { "и", LANG_RU, 0 },
	{ ",", LANG_ANY, 0 },
	{ NULL, 0, 0 },
};

/* Between the two ends of a range ("77 à 85", "77 to 85", "77-85"). */
const phrase lang_range_seps[] = {
	{ "to", LANG_EN, 0 }, { "à", LANG_FR, 0 }, { "a", LANG_ES, 0 }, { "-", LANG_ANY, 0 },
	{ NULL, 0, 0 },
};

const phrase lang_res_heads[] = {
	{ "resolutions", LANG_EN, LANG_RESOLUTION },
	{ "resolution", LANG_EN, LANG_RESOLUTION },
	{ "decisions", LANG_EN, LANG_DECISION },
	{ "decision", LANG_EN, LANG_DECISION },
	{ "résolutions", LANG_FR, LANG_RESOLUTION },
	{ "résolution", LANG_FR, LANG_RESOLUTION },
	{ "décisions", LANG_FR, LANG_DECISION },
	{ "décision", LANG_FR, LANG_DECISION },
	{ "resoluciones", LANG_ES, LANG_RESOLUTION },
	{ "resolución", LANG_ES, LANG_RESOLUTION },
	{ "decisiones", LANG_ES, LANG_DECISION },
	{ "decisión", LANG_ES, LANG_DECISION },
	{ "резолюция", LANG_RU, LANG_RESOLUTION }, { "резолюции", LANG_RU, LANG_RESOLUTION },
	{ "резолюцию", LANG_RU, LANG_RESOLUTION }, { "резолюцией", LANG_RU, LANG_RESOLUTION },
	{ "резолюций", LANG_RU, LANG_RESOLUTION }, { "резолюциях", LANG_RU, LANG_RESOLUTION },
	{ "резолюциям", LANG_RU, LANG_RESOLUTION }, { "резолюциями", LANG_RU, LANG_RESOLUTION },
	{ "решение", LANG_RU, LANG_DECISION }, { "решения", LANG_RU, LANG_DECISION },
	{ "решению", LANG_RU, LANG_DECISION }, { "решением", LANG_RU, LANG_DECISION },
	{ "решении", LANG_RU, LANG_DECISION }, { "решений", LANG_RU, LANG_DECISION },
	{ "решениях", LANG_RU, LANG_DECISION }, { "решениям", LANG_RU, LANG_DECISION },
	{ NULL, 0, 0 },
};

/* "paragraph 29 of resolution …": the paragraph word and the small words
 * that may stand between the number and the head. */
const phrase lang_para_words[] = {
	{ "paragraph", LANG_EN, 0 }, { "paragraphs", LANG_EN, 0 }, { "para", LANG_EN, 0 },
	{ "paras", LANG_EN, 0 },
	{ "paragraphe", LANG_FR, 0 }, { "paragraphes", LANG_FR, 0 },
	{ "párrafo", LANG_ES, 0 }, { "párrafos", LANG_ES, 0 },
	{ "пункт", LANG_RU, 0 }, { "пункта", LANG_RU, 0 }, { "пункте", LANG_RU, 0 },
	{ "пунктом", LANG_RU, 0 }, { "пункту", LANG_RU, 0 }, { "пункты", LANG_RU, 0 },
	{ "пунктах", LANG_RU, 0 }, { "пунктов", LANG_RU, 0 }, { "пунктами", LANG_RU, 0 },
	{ NULL, 0, 0 },
};
const phrase lang_para_links[] = {
	{ "of", LANG_EN, 0 }, { "the", LANG_EN, 0 }, { "its", LANG_EN, 0 },
	{ "de", LANG_ES, 0 }, { "la", LANG_ES, 0 }, { "del", LANG_ES, 0 },
	{ "su", LANG_ES, 0 }, { "du", LANG_FR, 0 }, { "sa", LANG_FR, 0 },
	/* the operative part named: "párrafo 5 de la parte dispositiva de la
	 * resolución", "paragraphe 5 du dispositif de", "пункт 5
	 * постановляющей части резолюции" */
	{ "de la parte dispositiva", LANG_ES, 0 }, { "du dispositif", LANG_FR, 0 },
	{ "постановляющей части", LANG_RU, 0 },
	{ NULL, 0, 0 },
};
/* Before the paragraph word: a paragraph of the preamble, numbered apart
 * from the operative ones ("preambular paragraph 3"; the other languages
 * put it after, "párrafo 3 del preámbulo", which is no link). */
const phrase lang_para_not_after[] = {
	{ "preambular", LANG_EN, 0 },
	{ NULL, 0, 0 },
};

/* "… titulada “…”": the word before a quoted title. */
const phrase lang_entitled_words[] = {
	{ "entitled", LANG_EN, 0 }, { "titled", LANG_EN, 0 },
	{ "titulada", LANG_ES, 0 }, { "titulado", LANG_ES, 0 },
	{ "tituladas", LANG_ES, 0 }, { "intitulada", LANG_ES, 0 },
	{ "intitulée", LANG_FR, 0 }, { "intitulé", LANG_FR, 0 },
	{ "intitulées", LANG_FR, 0 }, { "intitulés", LANG_FR, 0 },
	{ "озаглавленной", LANG_RU, 0 }, { "озаглавленная", LANG_RU, 0 },
	{ "озаглавленную", LANG_RU, 0 }, { "под названием", LANG_RU, 0 },
	{ NULL, 0, 0 },
};

/* Organs named around a resolution number. */
const phrase lang_organ_before[] = {	/* "Security Council resolution" */
	{ "general assembly", LANG_EN, LANG_ORG_GA },
	{ "security council", LANG_EN, LANG_ORG_SC },
	{ "human rights council", LANG_EN, LANG_ORG_HRC },
	{ "economic and social council", LANG_EN, LANG_ORG_ECOSOC },
	/* "Council resolution 4/4": a session/number resolution of a
	 * council is the Human Rights Council's (the Security Council
	 * numbers "1325 (2000)", ECOSOC "2004/67"). */
	{ "council", LANG_EN, LANG_ORG_COUNCIL },
	{ "commission on human rights", LANG_EN, LANG_ORG_CHR },
	{ "commission", LANG_EN, LANG_ORG_COMMISSION },
	{ NULL, 0, 0 },
};
const phrase lang_organ_after[] = {	/* "… du Conseil de sécurité" */
	{ "of the general assembly", LANG_EN, LANG_ORG_GA },
	{ "of the security council", LANG_EN, LANG_ORG_SC },
	{ "of the human rights council", LANG_EN, LANG_ORG_HRC },
	{ "of the economic and social council", LANG_EN, LANG_ORG_ECOSOC },
	{ "de l'assemblée générale", LANG_FR, LANG_ORG_GA },
	{ "du conseil de sécurité", LANG_FR, LANG_ORG_SC },
	{ "du conseil des droits de l'homme", LANG_FR, LANG_ORG_HRC },
	{ "du conseil économique et social", LANG_FR, LANG_ORG_ECOSOC },
	{ "de la asamblea general", LANG_ES, LANG_ORG_GA },
	{ "del consejo de seguridad", LANG_ES, LANG_ORG_SC },
	{ "del consejo de derechos humanos", LANG_ES, LANG_ORG_HRC },
	{ "del consejo económico y social", LANG_ES, LANG_ORG_ECOSOC },
	{ "генеральной ассамблеи", LANG_RU, LANG_ORG_GA },
	{ "совета безопасности", LANG_RU, LANG_ORG_SC },
	{ "совета по правам человека", LANG_RU, LANG_ORG_HRC },
	{ "экономического и социального совета", LANG_RU, LANG_ORG_ECOSOC },
	{ "adopted by the general assembly", LANG_EN, LANG_ORG_GA },
	{ "adopted by the security council", LANG_EN, LANG_ORG_SC },
	{ "adopted by the human rights council", LANG_EN, LANG_ORG_HRC },
	{ "adopted by the economic and social council", LANG_EN, LANG_ORG_ECOSOC },
	{ "adoptée par le conseil des droits de l'homme", LANG_FR, LANG_ORG_HRC },
	{ "aprobada por el consejo de derechos humanos", LANG_ES, LANG_ORG_HRC },
	{ "of the commission on human rights", LANG_EN, LANG_ORG_CHR },
	{ "de la commission des droits de l'homme", LANG_FR, LANG_ORG_CHR },
	{ "de la comisión de derechos humanos", LANG_ES, LANG_ORG_CHR },
	{ "комиссии по правам человека", LANG_RU, LANG_ORG_CHR },
	{ "of the commission", LANG_EN, LANG_ORG_COMMISSION },
	{ "de la commission", LANG_FR, LANG_ORG_COMMISSION },
	{ "de la comisión", LANG_ES, LANG_ORG_COMMISSION },
	{ NULL, 0, 0 },
};

/* Dates inside lists: "76/217 of 17 December 2021, 77/246 …". */
const phrase lang_date_links[] = {
	{ "of", LANG_EN, 0 }, { "du", LANG_FR, 0 }, { "de", LANG_ES, 0 },
	{ "от", LANG_RU, 0 }, { "adopted on", LANG_EN, 0 }, { "adoptée le", LANG_FR, 0 },
	{ NULL, 0, 0 },
};
/* Month spellings the lang_words tables do not have; flag = month number. */
const phrase lang_months_extra[] = {
	{ "setiembre", LANG_ES, 9 },	/* Spanish variant of septiembre */
	{ NULL, 0, 0 },
};
const phrase lang_date_fillers[] = {	/* "22 de diciembre de 2020 года" */
	{ "de", LANG_ES, 0 }, { "года", LANG_RU, 0 }, { "г", LANG_RU, 0 },
	{ NULL, 0, 0 },
};

static const char *const index_codes[] = { "en", "es", "fr", "ru" };

const char *
lang_index_code(int index)
{
	return index >= 0 && index < LANG_ANY ? index_codes[index] : NULL;
}

/* Session ordinals of every language, written as mastheads and texts
 * write them ("Seventy-fifth session", "Septuagésimo quinto período de
 * sesiones", "Soixante-quinzième session", "Семьдесят пятая сессия",
 * "семьдесят четвертой сессии"): a tens word, a link, a units word. A
 * longer word comes before a word it starts with ("soixante-dixième"
 * before "soixante"). session.c reads them; refs.c folds them. */
const lang_number lang_session_tens[] = {
	{ "tenth", 10 }, { "twentieth", 20 }, { "thirtieth", 30 },
	{ "fortieth", 40 }, { "fiftieth", 50 }, { "sixtieth", 60 },
	{ "seventieth", 70 }, { "eightieth", 80 }, { "ninetieth", 90 },
	{ "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
	{ "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
	{ "quincuagésimo", 50 }, { "sexagésimo", 60 }, { "septuagésimo", 70 },
	{ "octogésimo", 80 }, { "nonagésimo", 90 },
	{ "cinquantième", 50 }, { "soixantième", 60 },
	{ "soixante-dixième", 70 }, { "quatre-vingtième", 80 },
	{ "quatre-vingt-dixième", 90 },
	{ "cinquante", 50 }, { "soixante", 60 }, { "quatre-vingt", 80 },
	{ "пятидесятая", 50 }, { "шестидесятая", 60 }, { "семидесятая", 70 },
	{ "восьмидесятая", 80 }, { "девяностая", 90 },
	{ "пятидесятой", 50 }, { "шестидесятой", 60 }, { "семидесятой", 70 },
	{ "восьмидесятой", 80 }, { "девяностой", 90 },
	{ "пятьдесят", 50 }, { "шестьдесят", 60 }, { "семьдесят", 70 },
	{ "восемьдесят", 80 }, { "девяносто", 90 },
	{ NULL, 0 },
};
/* Between tens and units: "Seventy-fifth", "soixante et onzième",
 * "septuagésimo quinto" (a space). */
const char *const lang_session_links[] = { "-", "et", NULL };
const lang_number lang_session_units[] = {
	{ "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 },
	{ "fifth", 5 }, { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 },
	{ "ninth", 9 },
	{ "primer", 1 }, { "primero", 1 }, { "segundo", 2 }, { "tercer", 3 },
	{ "tercero", 3 }, { "cuarto", 4 }, { "quinto", 5 }, { "sexto", 6 },
	{ "séptimo", 7 }, { "octavo", 8 }, { "noveno", 9 },
	/* French 70s and 90s count on from soixante / quatre-vingt */
	{ "unième", 1 }, { "deuxième", 2 }, { "troisième", 3 },
	{ "quatrième", 4 }, { "cinquième", 5 }, { "sixième", 6 },
	{ "septième", 7 }, { "huitième", 8 }, { "neuvième", 9 },
	{ "dixième", 10 }, { "onzième", 11 }, { "douzième", 12 },
	{ "treizième", 13 }, { "quatorzième", 14 }, { "quinzième", 15 },
	{ "seizième", 16 }, { "dix-septième", 17 }, { "dix-huitième", 18 },
	{ "dix-neuvième", 19 },
	{ "первая", 1 }, { "вторая", 2 }, { "третья", 3 }, { "четвертая", 4 },
	{ "четвёртая", 4 }, { "пятая", 5 }, { "шестая", 6 }, { "седьмая", 7 },
	{ "восьмая", 8 }, { "девятая", 9 },
	{ "первой", 1 }, { "второй", 2 }, { "третьей", 3 }, { "четвертой", 4 },
	{ "четвёртой", 4 }, { "пятой", 5 }, { "шестой", 6 }, { "седьмой", 7 },
	{ "восьмой", 8 }, { "девятой", 9 },
	{ NULL, 0 },
};
/* A session word after the ordinal, in every language (also the inflected
 * forms of running text: "сессии"). */
const char *const lang_session_words[] = {
	"session", "período de sesiones", "periodo de sesiones", "сессия",
	"сессии", NULL,
};

/* Masthead words for the parser (parse.c still has them inline; see
 * lang.h). */
const char *const lang_ga_names[] = {
	"General Assembly", "Asamblea General", "Assemblée générale",
	"Генеральная Ассамблея", "Генеральной Ассамблеи", NULL,
};
const lang_value lang_distributions[] = {
	{ "general", "General" }, { "générale", "General" },
	{ "limited", "Limited" }, { "limitada", "Limited" }, { "limitée", "Limited" },
	{ "restricted", "Restricted" }, { "reservada", "Restricted" },
	{ "restreinte", "Restricted" },
	{ NULL, NULL },
};
const char *const lang_working_groups[] = {
	"Working Group", "Groupe de travail", "Рабочая группа", "Grupo de Trabajo", NULL,
};
const char *const lang_version_names[] = {
	"Français", "Español", "Русский", "Английский", "FRANCAIS", "ESPANOL", NULL,
};

const char *
lang_distribution(const char *s, size_t n)
{
	for (size_t k = 0; lang_distributions[k].word; k++)
		if (lang_prefix(s, n, lang_distributions[k].word))
			return lang_distributions[k].value;
	return NULL;
}

/* A running header's page line: "Page 3", and the older "English Page 3"
 * (the version's name before the word). */
const char *const lang_running_page[] = { "Page", "Página", "Страница", "English Page",
	"Spanish Page", "French Page", "Russian Page", NULL };

/* An older masthead's organ stacked over two lines, in capitals. */
const char *const lang_organ_halves[] = {
	"ASSEMBLY", "COUNCIL", "SECURITY", "ECONOMIC AND SOCIAL", "TRUSTEESHIP",
	"ASAMBLEA", "CONSEJO", "DE SEGURIDAD", "ECONÓMICO Y SOCIAL",
	"ASSEMBLÉE", "ASSEMBLEE", "CONSEIL", "DE SÉCURITÉ", "DE SECURITE",
	"ÉCONOMIQUE ET SOCIAL", "ECONOMIQUE ET SOCIAL",
	"ГЕНЕРАЛЬНАЯ", "АССАМБЛЕЯ", "СОВЕТ", "БЕЗОПАСНОСТИ", NULL
};
const char *const lang_general_caps[] = { "GENERAL", "GENERALE", "GÉNÉRALE", NULL };
const char *const lang_assembly_caps[] = { "ASSEMBLY", "ASAMBLEA", "ASSEMBLÉE", "АССАМБЛЕЯ",
	NULL };
/* The organ words that come before "GENERAL" (French, Spanish). */
const char *const lang_assembly_first[] = { "ASSEMBLEE", "ASSEMBLÉE", "ASAMBLEA", NULL };
const char *const lang_year_words[] = { "year", "année", "año", "год", NULL };
const char *const lang_distr_words[] = { "Distr.", NULL };
const char *const lang_distr_caps[] = { "GENERAL", "LIMITED", "RESTRICTED", "GÉNÉRALE",
	"LIMITÉE", "GENERALE", "LIMITEE", "RESTREINTE", NULL };
const char *const lang_committee_words[] = { "Committee", NULL };
/* A hosting site's fact lines and counters (site chrome). */
const char *const lang_chrome_facts[] = { "Pages:", "Page count:", "Format:", "Size:",
	"File size:", "Downloads:", "Views:", "Uploaded:", "Published:", "Language:",
	"Languages:", "Type:", "Páginas:", "Formato:", "Tamaño:", "Taille :", "Taille:",
	"Страниц:", "Формат:", "Размер:", NULL };
const char *const lang_chrome_counted[] = { "views", "view", "downloads", "download",
	"pages", "likes", "comments", "shares", "visitas", "descargas", "vues",
	"téléchargements", "просмотров", "загрузок", NULL };

const char *const lang_list_conjunctions[] = { "and", "or", "y", "o", "et", "ou", "и",
	"или", NULL };
const char *const lang_year_suffixes[] = { " года", " г", NULL };

/* The word of a running header's page number: "Page 3", "Página 3",
 * "Страница 3" (French writes "Page"). */
const char *const lang_page_words[] = { "Page", "Página", "Страница", "Стр.", NULL };

const lang_words *
lang_get(const char *code)
{
	for (size_t i = 0; code && all[i]; i++)
		if (strcmp(all[i]->code, code) == 0)
			return all[i];
	return &en;
}

const lang_words *const *
lang_all(void)
{
	return all;
}

static int
is_letter_at(const char *s, size_t n)
{
	ucs4_t uc;
	if (!n)
		return 0;
	u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc_is_alpha(uc) || uc_is_digit(uc);
}

size_t
lang_prefix(const char *s, size_t n, const char *w)
{
	/* most calls fail at the first byte: the first step of the loop
	 * below for two ASCII bytes, without measuring w */
	if (n) {
		unsigned char ca = (unsigned char)s[0], cb = (unsigned char)w[0];
		if (ca < 0x80 && cb < 0x80 && ca != cb &&
		    ((ca | 32) != (cb | 32) || (ca | 32) < 'a' || (ca | 32) > 'z'))
			return 0;
	}
	/* w is walked to its NUL rather than measured first */
	size_t i = 0, j = 0;
	while (w[j]) {
		if (i >= n)
			return 0;
		unsigned char ca = (unsigned char)s[i], cb = (unsigned char)w[j];
		if (ca < 0x80 && cb < 0x80) {
			/* ASCII, the common case, without a table look-up */
			if (ca != cb && ((ca | 32) != (cb | 32) || (ca | 32) < 'a' ||
					 (ca | 32) > 'z'))
				return 0;
			i++;
			j++;
			continue;
		}
		ucs4_t a, b;
		int ka = u8_mbtouc(&a, (const uint8_t *)s + i, n - i);
		/* at most 4 bytes; decoding stops at w's NUL, which is no
		 * continuation byte */
		int kb = u8_mbtouc(&b, (const uint8_t *)w + j, 4);
		if (a != b && uc_tolower(a) != uc_tolower(b)) {
			/* typographic and straight apostrophes are one */
			if (!((a == 0x2019 || a == '\'') && (b == 0x2019 || b == '\'')))
				return 0;
		}
		i += (size_t)ka;
		j += (size_t)kb;
	}
	/* a word must end here unless w itself ends with a non-letter */
	size_t wn = j;
	if (wn && is_letter_at(w + wn - 1, 1) && is_letter_at(s + i, n - i))
		return 0;
	return i;
}

/* lang_prefix compares code points by uc_tolower, and the two apostrophes
 * as one: this is the key of a code point under that comparison. */
static ucs4_t
fold_key(ucs4_t c)
{
	return c == 0x2019 || c == '\'' ? '\'' : uc_tolower(c);
}

/* The keys of the first code points of a list's words, so that a text
 * no word can start (nearly every line a parser asks about) is turned
 * down at once. Lists are the static arrays of this file, a few dozen:
 * the sets are built on first use and kept. */
typedef struct first_keys {
	const char *const *list;
	uint32_t ascii[4];	/* bit c: some key is ASCII c */
	ucs4_t other[16];	/* the other keys */
	size_t nother;		/* SIZE_MAX: too many, no filter */
} first_keys;

static const first_keys *
first_keys_of(const char *const *list)
{
	static first_keys cache[128];
	size_t h = ((uintptr_t)list >> 3) & 127;
	for (size_t probes = 0; probes < 128; probes++, h = (h + 1) & 127) {
		first_keys *f = &cache[h];
		if (f->list == list)
			return f;
		if (f->list)
			continue;
		f->list = list;
		for (size_t k = 0; list[k]; k++) {
			ucs4_t c;
			if (!list[k][0])
				continue;
			u8_mbtouc(&c, (const uint8_t *)list[k], strnlen(list[k], 4));
			c = fold_key(c);
			if (c < 128) {
				f->ascii[c >> 5] |= 1u << (c & 31);
				continue;
			}
			size_t j = 0;
			while (j < f->nother && f->other[j] != c)
				j++;
			if (j == f->nother && f->nother < 16)
				f->other[f->nother++] = c;
			else if (j == f->nother)
				f->nother = SIZE_MAX;
			if (f->nother == SIZE_MAX)
				break;
		}
		return f;
	}
	return NULL;		/* more lists than slots: no filter */
}

/* Whether some word of the list might start s[0, n) (exact: no). */
static int
may_start(const first_keys *f, const char *s, size_t n)
{
	if (!f || f->nother == SIZE_MAX)
		return 1;
	if (!n)
		return 0;
	unsigned char b = (unsigned char)s[0];
	ucs4_t c = b;
	if (b >= 0x80)
		u8_mbtouc(&c, (const uint8_t *)s, n);
	else if (b >= 'A' && b <= 'Z')
		c = b | 32;
	if (b >= 0x80)
		c = fold_key(c);
	if (c < 128)
		return (f->ascii[c >> 5] >> (c & 31)) & 1;
	for (size_t j = 0; j < f->nother; j++)
		if (f->other[j] == c)
			return 1;
	return 0;
}

int
lang_sections_may_start(const char *s, size_t n)
{
	static const char *words[64];
	static int state;	/* 0 to build, 1 built, 2 too many words */
	if (!state) {
		size_t k = 0;
		for (; lang_sections[k].word && k + 1 < 64; k++)
			words[k] = lang_sections[k].word;
		state = lang_sections[k].word ? 2 : 1;
	}
	return state == 2 || may_start(first_keys_of(words), s, n);
}

size_t
lang_prefix_any(const char *s, size_t n, const char *const *list, size_t *which)
{
	if (!list || !may_start(first_keys_of(list), s, n))
		return 0;
	for (size_t k = 0; list[k]; k++) {
		size_t m = lang_prefix(s, n, list[k]);
		if (m) {
			if (which)
				*which = k;
			return m;
		}
	}
	return 0;
}

/* Nonzero if the code point before byte i of s is a letter or digit. */
static int
prev_is_letter(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t p = i - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return is_letter_at(s + p, i - p);
}

size_t
lang_find(const char *s, size_t n, const char *w)
{
	int wl = is_letter_at(w, strlen(w));
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (wl && prev_is_letter(s, i))
			continue;
		if (lang_prefix(s + i, n - i, w))
			return i;
	}
	return (size_t)-1;
}

const char *
lang_code_of_name(const char *s, size_t n)
{
	for (size_t k = 0; lang_names[k].word; k++)
		if (lang_prefix(s, n, lang_names[k].word))
			return lang_names[k].code;
	return NULL;
}

const char *
lang_detect(const char *text, size_t n)
{
	/* Look at the first 64 KB: enough words, and linear in any case. */
	if (n > 65536)
		n = 65536;
	size_t cyr = 0, latin = 0, arab = 0, han = 0;
	size_t score[4] = { 0 };
	const first_keys *keys[4] = { NULL };
	size_t nl = 0;
	for (; all[nl] && nl < 4; nl++)
		keys[nl] = first_keys_of(all[nl]->stop);
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)text[i];
		ucs4_t uc;
		int k, alpha;
		if (b < 0x80) {
			/* ASCII: the letters are the alphabetic ones */
			uc = b;
			k = 1;
			alpha = (b | 32) >= 'a' && (b | 32) <= 'z';
		} else {
			k = u8_mbtouc(&uc, (const uint8_t *)text + i, n - i);
			alpha = uc_is_alpha(uc);
		}
		if (uc >= 0x400 && uc < 0x500)
			cyr++;
		else if ((uc >= 0x600 && uc < 0x700) || (uc >= 0x750 && uc < 0x780) ||
			 (uc >= 0xFB50 && uc < 0xFE00) || (uc >= 0xFE70 && uc < 0xFF00))
			arab++;	/* Arabic and its presentation forms */
		else if ((uc >= 0x4E00 && uc < 0xA000) || (uc >= 0x3400 && uc < 0x4DC0))
			han++;	/* CJK ideographs (a UN text in Chinese) */
		else if (alpha)
			latin++;
		/* at a word start, try the frequent words of each language
		 * (after an ASCII byte, whether it is a letter or digit is
		 * known without decoding) */
		int after_letter = 0;
		if (alpha && i > 0) {
			unsigned char a = (unsigned char)text[i - 1];
			after_letter = a < 0x80 ? ((a | 32) >= 'a' && (a | 32) <= 'z') ||
						  (a >= '0' && a <= '9')
						: prev_is_letter(text, i);
		}
		if (alpha && !after_letter)
			for (size_t l = 0; l < nl; l++) {
				const char *const *stop = all[l]->stop;
				if (!may_start(keys[l], text + i, n - i))
					continue;
				for (size_t w = 0; stop[w]; w++)
					if (lang_prefix(text + i, n - i, stop[w]))
						score[l]++;
			}
		i += (size_t)k;
	}
	/* the script of most letters names ar, zh and ru; the symbols and
	 * names inside such a text are Latin, fewer */
	if (arab > latin && arab >= cyr && arab >= han)
		return "ar";
	if (han > latin && han >= cyr)
		return "zh";
	if (cyr > latin)
		return "ru";
	size_t best = 0;
	for (size_t l = 1; l < 3; l++)
		if (score[l] > score[best])
			best = l;
	return all[best]->code;
}
