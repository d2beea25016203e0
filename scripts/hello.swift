// The baseline for scripts/measure-startup: the smallest Swift program that prints a line.
print("Hello, world!")
