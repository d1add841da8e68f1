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
static int pt_mouse_on = 0;
/// 1 when ncurses itself asks for and parses SGR reports (the description's XM names 1006).
static int pt_mouse_native_sgr = 0;
static int pt_mouse_sgr_key_defined = 0;
/// The key code the bridge gives the `ESC [ <` prefix of an SGR report where ncurses does not parse them.
#define PT_KEY_SGR_MOUSE (KEY_MAX + 77)
static void pt_read_sgr_report(void);

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
    if (pt_mouse_on) pt_mouse_enable(0);
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
    // ncurses turns its own mouse mode back on; the SGR mode the bridge asked for is asked for again.
    if (pt_mouse_on && !pt_mouse_native_sgr) pt_write_raw("\033[?1006h", 8);
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
    while (rc == KEY_CODE_YES && ch == PT_KEY_SGR_MOUSE) {
        // An SGR report ncurses does not parse here: decoded and queued, it comes back as KEY_MOUSE (a press is
        // dropped, and whatever follows it is read instead).
        pt_read_sgr_report();
        wtimeout(stdscr, 0);
        rc = wget_wch(stdscr, &ch);
        if (rc == ERR) return -1;
    }
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

int pt_key_mouse(void) { return KEY_MOUSE; }

int pt_decode_sgr_mouse(const char *body, int length, int *x, int *y, int *kind, int *button) {
    long v[3] = {0, 0, 0};
    int field = 0, digits = 0;
    for (int i = 0; i < length; i++) {
        char c = body[i];
        if (c >= '0' && c <= '9') {
            if (digits >= 6) return -1;
            v[field] = v[field] * 10 + (c - '0');
            digits++;
        } else if (c == ';') {
            if (digits == 0 || field == 2) return -1;
            field++;
            digits = 0;
        } else if ((c == 'M' || c == 'm') && i == length - 1) {
            if (field != 2 || digits == 0 || v[1] < 1 || v[2] < 1) return -1;
            long b = v[0];
            if (b & 32) return -1;  // motion: not asked for
            long base = b & ~(long)(4 | 8 | 16);
            *x = (int)(v[1] - 1);
            *y = (int)(v[2] - 1);
            *button = 0;
            if (base == 64) { *kind = 3; return c == 'M' ? 0 : -1; }
            if (base == 65) { *kind = 4; return c == 'M' ? 0 : -1; }
            if (base > 2) return -1;
            *button = (int)base + 1;
            *kind = c == 'm' ? 1 : 2;
            return 0;
        } else {
            return -1;
        }
    }
    return -1;
}

static mmask_t pt_mask_for(int kind, int button) {
    switch (kind) {
    case 3: return BUTTON4_PRESSED;
    case 4: return BUTTON5_PRESSED;
    case 2: return button == 1 ? BUTTON1_PRESSED : button == 2 ? BUTTON2_PRESSED : BUTTON3_PRESSED;
    default: return button == 1 ? BUTTON1_RELEASED : button == 2 ? BUTTON2_RELEASED : BUTTON3_RELEASED;
    }
}

int pt_mouse_enable(int on) {
    if (!pt_open_flag) return 0;
    if (!on) {
        if (pt_mouse_on && !pt_mouse_native_sgr) pt_write_raw("\033[?1006l", 8);
        mousemask(0, NULL);
        pt_mouse_on = 0;
        return 1;
    }
    const char *xm = tigetstr("XM");
    pt_mouse_native_sgr = xm != NULL && xm != (char *)-1 && strstr(xm, "1006") != NULL;
    // Only where the prefix means nothing else to this terminal description (key_defined: 0).
    if (!pt_mouse_native_sgr && !pt_mouse_sgr_key_defined && key_defined("\033[<") == 0) {
        define_key("\033[<", PT_KEY_SGR_MOUSE);
        pt_mouse_sgr_key_defined = 1;
    }
    mouseinterval(0);
    mmask_t want = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED | BUTTON3_PRESSED
        | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    mmask_t got = mousemask(want, NULL);
    if (got == 0) return 0;
    if (!pt_mouse_native_sgr) pt_write_raw("\033[?1006h", 8);
    pt_mouse_on = 1;
    return 1;
}

int pt_mouse_enabled(void) { return pt_mouse_on; }

/// Reads the rest of an SGR report after its `ESC [ <` prefix (the bytes are already waiting: a terminal sends a
/// report whole) and queues it for getmouse. A malformed report is dropped.
static void pt_read_sgr_report(void) {
    char body[32];
    int n = 0;
    wtimeout(stdscr, 50);
    while (n < (int)sizeof body) {
        wint_t ch = 0;
        int rc = wget_wch(stdscr, &ch);
        if (rc != OK) return;
        body[n++] = (char)(ch < 128 ? ch : '?');
        if (ch == 'M' || ch == 'm') break;
    }
    int x, y, kind, button;
    // A press is not queued: ncurses' getmouse gives the newest queued event, so a press and release read together
    // would come back as the release twice; a click acts on the release.
    if (pt_decode_sgr_mouse(body, n, &x, &y, &kind, &button) != 0 || kind == 2) return;
    MEVENT event;
    memset(&event, 0, sizeof event);
    event.x = x;
    event.y = y;
    event.bstate = pt_mask_for(kind, button);
    ungetmouse(&event);
}

int pt_read_mouse(int *x, int *y, int *kind, int *button) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *button = 0;
    mmask_t b = event.bstate;
    if (b & BUTTON4_PRESSED) { *kind = 3; return 0; }
    if (b & BUTTON5_PRESSED) { *kind = 4; return 0; }
    // The click is the release (or ncurses' own CLICKED): a press and its release read in one go reach getmouse as
    // one event, the newest.
    if (b & (BUTTON1_RELEASED | BUTTON1_CLICKED)) { *kind = 1; *button = 1; return 0; }
    if (b & (BUTTON2_RELEASED | BUTTON2_CLICKED)) { *kind = 1; *button = 2; return 0; }
    if (b & (BUTTON3_RELEASED | BUTTON3_CLICKED)) { *kind = 1; *button = 3; return 0; }
    if (b & BUTTON1_PRESSED) { *kind = 2; *button = 1; return 0; }
    if (b & BUTTON2_PRESSED) { *kind = 2; *button = 2; return 0; }
    if (b & BUTTON3_PRESSED) { *kind = 2; *button = 3; return 0; }
    return -1;
}
