import type { Server } from 'node:http';
import request from 'supertest';
import { ContractRecorder } from './contract-recorder';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract';

/**
 * The e2e suite's contract test: every answer a test app gives is checked against the
 * OpenAPI document it serves, and a test during which one did not match fails
 * (see `failOnContractViolations`). Installed once, by the harness (startWarden).
 */
const recorders = new Set<ContractRecorder>();
/** One compiled contract per document text: specs start many apps with the same routes. */
const contracts = new Map<string, OpenApiContract>();

export async function watchContract(server: Server): Promise<ContractRecorder> {
  const served = await request(server).get('/docs-json');
  if (served.status !== 200) throw new Error(`/docs-json answered ${served.status}: the contract check needs the document`);
  let contract = contracts.get(served.text);
  if (!contract) {
    contract = new OpenApiContract(served.body as OpenApiDocument);
    contracts.set(served.text, contract);
  }
  const checked = contract;
  const recorder = new ContractRecorder((exchange) => checked.check(exchange));
  recorder.attach(server);
  recorders.add(recorder);
  return recorder;
}

/** Stops counting an app's answers (it is closing) and fails on what it left unreported. */
export function unwatchContract(recorder: ContractRecorder): void {
  recorders.delete(recorder);
  throwIfAny(recorder.take());
}

/** For afterEach: fails the test during which an answer drifted from the document. */
export function failOnContractViolations(): void {
  throwIfAny([...recorders].flatMap((recorder) => recorder.take()));
}

function throwIfAny(violations: string[]): void {
  if (violations.length === 0) return;
  throw new Error(
    `${violations.length} answer(s) do not match the OpenAPI document (/docs-json); fix the route's @CommandResponses/@QueryResponses/@ApiErrors ` +
      `or its response DTO, or the handler:\n  ${violations.join('\n  ')}`,
  );
}
