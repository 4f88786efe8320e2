import FuzzSupport

// libFuzzer runs `fuzz` (FuzzAPFile.swift) on each input.
runFuzzer(fuzz)
