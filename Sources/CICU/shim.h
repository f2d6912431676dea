// Intentionally empty: this module exists only to carry ICU's compiler and linker flags.
