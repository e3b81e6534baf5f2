#ifndef HARMONI_CREADLINE_SHIM_H
#define HARMONI_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 refuses to assign C globals directly; these setters do it. */
static inline void harmoni_set_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void harmoni_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void harmoni_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void harmoni_set_completion_append(int c) { rl_completion_append_character = c; }
static inline void harmoni_set_basic_word_breaks(const char *s) { rl_basic_word_break_characters = s; }
static inline const char *harmoni_line_buffer(void) { return rl_line_buffer; }
#endif
