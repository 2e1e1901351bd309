#!/usr/bin/env node
// The command's entry point, present before the build so that `npm install` links it; the program
// itself is the compiled dist/bin.js.
import "../dist/bin.js";
