// The only header in the project that includes curses. Swift sees the small C functions below;
// the macros and globals of curses stay on this side.
#ifndef PROACTIVE_CURSES_BRIDGE_H
#define PROACTIVE_CURSES_BRIDGE_H

#include <stdint.h>
#include <stdio.h>

/// Opens the terminal (newterm on stdin/stdout), sets raw keyboard mode. Returns 0 on success.
int pt_open(void);
/// Restores the terminal. Safe to call more than once and from a signal handler path.
void pt_close(void);
/// Ctrl-Z: leaves curses mode (the terminal as it was), stops the process group with SIGTSTP's default action,
/// and once continued (SIGCONT, `fg`) re-enters curses mode with a full repaint pending.
void pt_suspend(void);
/// 1 while the screen is open.
int pt_is_open(void);
int pt_rows(void);
int pt_cols(void);
/// Number of colours the terminal offers after start_color (0 when it has none).
int pt_colors(void);
/// Defines colour pair `pair` (1-based) with foreground and background (-1 = default).
void pt_init_pair(int pair, int fg, int bg);
/// Puts one cell: the code points of one grapheme (a base and up to 4 combining marks), attributes, colour pair.
void pt_put(int row, int col, const uint32_t *codepoints, int count, int bold, int reverse, int underline, int dim, int pair);
/// Moves the cursor away and pushes the changes to the terminal (one doupdate).
void pt_flush(void);
/// Full repaint on the next flush (after a resize or a garbled screen).
void pt_touch(void);
/// Reads one key with a timeout in milliseconds. Returns -1 on timeout, 0 for a character
/// (stored in *out), 1 for a function key (stored in *out). Resize is reported as a function key.
int pt_read_key(int timeout_ms, uint32_t *out);
/// Key codes Swift cannot see as macros.
int pt_key_up(void);
int pt_key_down(void);
int pt_key_left(void);
int pt_key_right(void);
int pt_key_home(void);
int pt_key_end(void);
int pt_key_ppage(void);
int pt_key_npage(void);
int pt_key_btab(void);
int pt_key_backspace(void);
int pt_key_enter(void);
int pt_key_resize(void);
int pt_key_dc(void);
/// Mouse reporting on (1) or off (0): ncurses' mousemask for presses, releases and the wheel, with SGR (1006)
/// reports so columns and rows past 223 arrive. Where the terminal description's XM capability names 1006, ncurses
/// asks for and parses SGR itself; elsewhere (TERM=screen, tmux-256color: kmous=\E[M, no XM) the bridge asks for 1006
/// and reads the report's `\E[<` prefix as a key it defined, parses the rest and queues it with ungetmouse, so every
/// mouse event reaches the program through getmouse. Returns 1 when the terminal has a mouse (kmous), else 0.
int pt_mouse_enable(int on);
/// 1 while mouse reporting is on.
int pt_mouse_enabled(void);
/// After pt_read_key gave pt_key_mouse(): the event (0-based cell, kind: 1 click (the button's release), 2 press,
/// 3 wheel up, 4 wheel down; button 1-3 for clicks and presses). Returns 0, or -1 when there was no event.
int pt_read_mouse(int *x, int *y, int *kind, int *button);
int pt_key_mouse(void);
/// Decodes the body of an SGR mouse report (what follows `ESC [ <`: `Cb;Cx;Cy` and `M` or `m`): 1-based column and
/// row to 0-based cells, the kind and button as pt_read_mouse gives them. Returns 0, or -1 when it is not one.
/// (Pure; unit-tested.)
int pt_decode_sgr_mouse(const char *body, int length, int *x, int *y, int *kind, int *button);

/// 1 when the terminal's codeset is UTF-8 (nl_langinfo(CODESET)).
int pt_locale_is_utf8(void);
/// Calls setlocale(LC_ALL, "").
void pt_setlocale(void);
/// Display width of a code point in the current locale (wcwidth); -1 for non-printable.
int pt_wcwidth(uint32_t codepoint);
/// Writes raw bytes to the terminal's output (used for synchronized-output markers).
void pt_write_raw(const char *bytes, int length);

/// Installs handlers for SIGTERM, SIGHUP, SIGINT and SIGQUIT that only record the signal; the loop polls it.
void pt_install_signal_handlers(void);
/// The last signal received (0 when none).
int pt_signal_received(void);

/// The C standard streams: `stdout` and `stderr` are mutable globals to Swift 6 (a data race it cannot rule out);
/// read through these they are plain values. Every command line writer uses these.
FILE *pt_stdout(void);
FILE *pt_stderr(void);

#endif
