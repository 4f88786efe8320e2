import FuzzSupport

// libFuzzer runs `fuzz` (FuzzSnapshot.swift) on each input.
runFuzzer(fuzz)
