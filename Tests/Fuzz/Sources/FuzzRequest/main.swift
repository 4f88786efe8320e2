import FuzzSupport

// libFuzzer runs `fuzz` (FuzzRequest.swift) on each input.
runFuzzer(fuzz)
