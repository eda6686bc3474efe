#!/usr/bin/env node
// The `crappy` command. This file exists before the build, so that npm can
// link it at install time; the command itself is compiled to dist/cli.js.
import '../dist/cli.js';
