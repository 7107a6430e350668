/* draw: colours as semantic roles, and the one function that puts document
 * text on the screen.
 *
 * Every string drawn by the reader goes through draw_str: it clips to a
 * number of display columns with text_fit (never splitting a grapheme
 * cluster, so a wide character never straddles a pane edge) and replaces any
 * character that must not reach a terminal with a visible symbol (C0 ->
 * U+2400 + c, DEL -> U+2421, anything else unsafe -> U+FFFD, all one column
 * wide, as source.c and text_width count them). The model already did that
 * replacement; this is the guard for strings from anywhere else. */
#include <build-config.h>

#include <string.h>
#include <unistr.h>

#include "text.h"
#include "ui/ui_impl.h"

static attr_t
attrs_of(int a)
{
	attr_t r = A_NORMAL;
	if (a & THEME_ATTR_BOLD)
		r |= A_BOLD;
	if (a & THEME_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_ATTR_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & THEME_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

void
draw_colors(ui *u, const theme *t, int use_color)
{
	u->color = use_color;
	int defaults = 0;
	if (use_color) {
		start_color();
		defaults = use_default_colors() == OK;
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		const theme_style *s = &t->style[r];
		attr_t a = attrs_of(s->attrs);
		if (use_color && r + 1 < COLOR_PAIRS) {
			short fg = (short)theme_color_fit(s->fg, COLORS);
			short bg = (short)theme_color_fit(s->bg, COLORS);
			if (!defaults) {
				if (fg < 0)
					fg = COLOR_WHITE;
				if (bg < 0)
					bg = COLOR_BLACK;
			}
			init_pair((short)(r + 1), fg, bg);
			a |= COLOR_PAIR(r + 1);
		}
		u->attr[r] = a;
	}
	/* Whatever the theme says, the selection and the status line must
	 * stand out without colour. */
	if (!use_color) {
		if (!(u->attr[ROLE_SELECTION] & (A_REVERSE | A_STANDOUT)))
			u->attr[ROLE_SELECTION] |= A_REVERSE;
		if (!(u->attr[ROLE_STATUS] & (A_REVERSE | A_STANDOUT)))
			u->attr[ROLE_STATUS] |= A_REVERSE;
	}
}

attr_t
draw_attr(const ui *u, theme_role r)
{
	return u->attr[r];
}

int
draw_str(WINDOW *w, int y, int x, const char *s, size_t n_bytes,
	 int max_cols, attr_t a)
{
	if (!w || max_cols <= 0 || !s)
		return 0;
	int used = 0;
	size_t n = text_fit(s, n_bytes, max_cols, &used);
	if (wmove(w, y, x) == ERR)
		return 0;	/* outside the window: never draw elsewhere */
	wattrset(w, a);
	size_t run = 0, i = 0;
	while (i < n) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (len <= 0)
			len = 1;
		if (text_is_unsafe(s + i, n - i)) {
			/* the same stand-ins as the model's (text.c) */
			const char *v = text_visible_cp(c, NULL);
			if (i > run)
				waddnstr(w, s + run, (int)(i - run));
			waddstr(w, v ? v : "\xef\xbf\xbd");
			run = i + (size_t)len;
		}
		i += (size_t)len;
	}
	if (n > run)
		waddnstr(w, s + run, (int)(n - run));
	wattrset(w, A_NORMAL);
	return used;
}

int
draw_str_ellipsis(WINDOW *w, int y, int x, const char *s, size_t n_bytes,
		  int max_cols, attr_t a)
{
	if (max_cols <= 0)
		return 0;
	if (text_width(s, n_bytes) <= max_cols)
		return draw_str(w, y, x, s, n_bytes, max_cols, a);
	int used = draw_str(w, y, x, s, n_bytes, max_cols - 1, a);
	wattrset(w, a);
	mvwaddstr(w, y, x + used, "\xe2\x80\xa6");	/* … */
	wattrset(w, A_NORMAL);
	return used + 1;
}

void
draw_fill(WINDOW *w, int y, int x, int cols, attr_t a)
{
	if (!w || cols <= 0)
		return;
	mvwhline(w, y, x, ' ' | a, cols);
}
