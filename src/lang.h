/* Transitional: the word tables moved to src/un/lang.h. src/parse.c still
 * includes "lang.h" until it is split into src/parse/ (whose files include
 * "un/lang.h"); delete this file then. */
#include "un/lang.h"
