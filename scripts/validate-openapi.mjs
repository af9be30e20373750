#!/usr/bin/env node
// Validates an OpenAPI document (a file, or stdin) with @seriousme/openapi-schema-validator,
// the schema of the OpenAPI version the document declares. Prints {valid, version, errors}
// as JSON; exits 1 when invalid. ESM-only package, hence a script the tests run as a child.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';

const source = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8');
const validator = new Validator({ allErrors: true });
const result = await validator.validate(JSON.parse(source));
process.stdout.write(`${JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? [] })}\n`);
process.exitCode = result.valid ? 0 : 1;
