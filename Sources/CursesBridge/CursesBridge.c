#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define _DEFAULT_SOURCE 1
#define _GNU_SOURCE 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>
#include "CursesBridge.h"
#include <signal.h>

static volatile sig_atomic_t pt_last_signal = 0;
static void pt_on_signal(int sig) { pt_last_signal = sig; }

void pt_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = pt_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int pt_signal_received(void) { return (int)pt_last_signal; }

static FILE *pt_out = NULL;

static SCREEN *pt_screen = NULL;
static int pt_open_flag = 0;

// Home and End arrive in other forms than the terminal description names when TERM does not match the terminal
// (tmux or screen behind TERM=xterm-256color, rxvt, the Linux console): without these, End (`ESC [ 4 ~`) would read as
// Esc and then `4`. Each sequence is taken only where the description has not already given it a meaning.
static void pt_define_key_variants(void) {
    static const struct { const char *seq; int key; } variants[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME}, {"\033[F", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
        {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE}, {"\033[Z", KEY_BTAB},
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        if (key_defined(variants[i].seq) == 0) define_key(variants[i].seq, variants[i].key);
    }
}

int pt_open(void) {
    if (pt_open_flag) return 0;
    pt_out = stdout;
    pt_screen = newterm(NULL, stdout, stdin);
    if (pt_screen == NULL) return -1;
    set_term(pt_screen);
    pt_open_flag = 1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    leaveok(stdscr, TRUE);
    set_escdelay(25);
    pt_define_key_variants();
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 0;
}

void pt_close(void) {
    if (!pt_open_flag) return;
    pt_open_flag = 0;
    curs_set(1);
    endwin();
    if (pt_out != NULL) fflush(pt_out);
    fflush(stdout);
}

void pt_suspend(void) {
    if (!pt_open_flag) return;
    curs_set(1);
    endwin();
    fflush(stdout);
    // Stop with the default action, whatever handler (ncurses' own) is installed, and with SIGTSTP unblocked.
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &old);
    sigset_t tstp, saved;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &saved);
    kill(0, SIGTSTP);
    // Here after SIGCONT.
    sigprocmask(SIG_SETMASK, &saved, NULL);
    sigaction(SIGTSTP, &old, NULL);
    reset_prog_mode();
    curs_set(0);
    clearok(curscr, TRUE);
    wrefresh(stdscr);
}

int pt_is_open(void) { return pt_open_flag; }
int pt_rows(void) { int r, c; getmaxyx(stdscr, r, c); (void)c; return r; }
int pt_cols(void) { int r, c; getmaxyx(stdscr, r, c); (void)r; return c; }
int pt_colors(void) { return has_colors() ? COLORS : 0; }
void pt_init_pair(int pair, int fg, int bg) { init_pair((short)pair, (short)fg, (short)bg); }

void pt_put(int row, int col, const uint32_t *codepoints, int count, int bold, int reverse, int underline, int dim, int pair) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)codepoints[i];
    if (n == 0) { text[0] = L' '; n = 1; }
    text[n] = 0;
    attr_t attrs = A_NORMAL;
    if (bold) attrs |= A_BOLD;
    if (reverse) attrs |= A_REVERSE;
    if (underline) attrs |= A_UNDERLINE;
    if (dim) attrs |= A_DIM;
    setcchar(&cell, text, attrs, (short)pair, NULL);
    mvwadd_wch(stdscr, row, col, &cell);
}

void pt_flush(void) {
    wnoutrefresh(stdscr);
    doupdate();
    if (pt_out != NULL) fflush(pt_out);
}

void pt_touch(void) { clearok(stdscr, TRUE); }

int pt_read_key(int timeout_ms, uint32_t *out) {
    wint_t ch = 0;
    wtimeout(stdscr, timeout_ms);
    int rc = wget_wch(stdscr, &ch);
    if (rc == ERR) return -1;
    *out = (uint32_t)ch;
    return rc == KEY_CODE_YES ? 1 : 0;
}

int pt_key_up(void) { return KEY_UP; }
int pt_key_down(void) { return KEY_DOWN; }
int pt_key_left(void) { return KEY_LEFT; }
int pt_key_right(void) { return KEY_RIGHT; }
int pt_key_home(void) { return KEY_HOME; }
int pt_key_end(void) { return KEY_END; }
int pt_key_ppage(void) { return KEY_PPAGE; }
int pt_key_npage(void) { return KEY_NPAGE; }
int pt_key_btab(void) { return KEY_BTAB; }
int pt_key_backspace(void) { return KEY_BACKSPACE; }
int pt_key_enter(void) { return KEY_ENTER; }
int pt_key_resize(void) { return KEY_RESIZE; }
int pt_key_dc(void) { return KEY_DC; }

int pt_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

void pt_setlocale(void) { setlocale(LC_ALL, ""); }

int pt_wcwidth(uint32_t codepoint) { return wcwidth((wchar_t)codepoint); }

void pt_write_raw(const char *bytes, int length) {
    FILE *out = pt_out != NULL ? pt_out : stdout;
    fwrite(bytes, 1, (size_t)length, out);
    fflush(out);
}

FILE *pt_stdout(void) { return stdout; }
FILE *pt_stderr(void) { return stderr; }
