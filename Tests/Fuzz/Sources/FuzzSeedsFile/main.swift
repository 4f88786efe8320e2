import FuzzSupport

// libFuzzer runs `fuzz` (FuzzSeedsFile.swift) on each input.
runFuzzer(fuzz)
