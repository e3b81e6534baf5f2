#ifndef HARMONI_CREADLINE_SHIM_H
#define HARMONI_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 refuses to assign C globals directly; these setters do it. */
static inline void harmoni_set_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void harmoni_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void harmoni_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void harmoni_set_completion_append(int c) { rl_completion_append_character = c; }
static inline void harmoni_set_basic_word_breaks(const char *s) { rl_basic_word_break_characters = s; }
static inline void harmoni_set_completer_word_breaks(const char *s) { rl_completer_word_break_characters = (char *)s; }
static inline const char *harmoni_line_buffer(void) { return rl_line_buffer; }

/*
 * Ctrl-C: readline's own signal handling is switched off (rl_catch_signals = 0) and SIGINT only
 * sets a flag (no SA_RESTART, so a blocked read() returns EINTR). Our getc function then ends the
 * line: readline() returns, and harmoni_take_interrupt() tells the Swift side to discard it.
 * All of this lives in one header used by one Swift file, so the static flag has one copy.
 */
static volatile sig_atomic_t harmoni_interrupted = 0;

static void harmoni_on_sigint(int signal_number) {
    (void)signal_number;
    harmoni_interrupted = 1;
}

static int harmoni_getc(FILE *stream) {
    for (;;) {
        if (harmoni_interrupted) {
            /* Show "^C" after the text, then accept the line so readline() returns. */
            rl_point = rl_end;
            rl_redisplay();
            fputs("^C", rl_outstream ? rl_outstream : stdout);
            return '\n';
        }
        unsigned char c;
        ssize_t n = read(fileno(stream), &c, 1);
        if (n == 1) return c;
        if (n == 0) return EOF;
        if (errno != EINTR) return EOF;
    }
}

/* Installs the SIGINT handler and the getc function above. */
static inline void harmoni_install_interrupt_handling(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = harmoni_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    /* A parent may have left SIGINT blocked; Ctrl-C must still reach the handler. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
    rl_catch_signals = 0;
    rl_getc_function = harmoni_getc;
}

/* Forgets a Ctrl-C pressed while no line was being read. */
static inline void harmoni_clear_interrupt(void) { harmoni_interrupted = 0; }

/* 1 if Ctrl-C ended the last line (and clears the flag), else 0. */
static inline int harmoni_take_interrupt(void) {
    int was = harmoni_interrupted;
    harmoni_interrupted = 0;
    return was;
}
#endif
