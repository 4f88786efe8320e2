import FuzzSupport

// libFuzzer runs `fuzz` (FuzzEdgeList.swift) on each input.
runFuzzer(fuzz)
