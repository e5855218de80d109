/**
 * The engine worker's reason codes (src/worker/protocol.ts `EngineReason`) as messages of the engine-status
 * catalog: the cause, then what runs instead, worded in the language shown when the message is read.
 */
import { message, type Message } from '../i18n/message';
import type { Backend, EngineReason } from '../worker/protocol';

/** The cause alone. */
function causeMessage(reason: EngineReason, backend: Backend): Message {
  switch (reason.code) {
    case 'asked':
      return message('engineStatus', 'reason.asked', { backend });
    case 'wasmMissing':
      return message('engineStatus', 'reason.wasmMissing');
    case 'wasmFailed':
      return message('engineStatus', 'reason.wasmFailed', { detail: reason.detail });
    case 'webgl2Failed':
      return message('engineStatus', 'reason.webgl2Failed', { detail: reason.detail });
    case 'softwareRenderer':
      return message('engineStatus', 'reason.softwareRenderer', { renderer: reason.renderer });
    case 'contextLost':
      return message('engineStatus', 'reason.contextLost');
    case 'contextRestored':
      return message('engineStatus', 'reason.contextRestored');
    default: {
      const never: never = reason;
      throw new Error(`unknown engine reason ${JSON.stringify(never)}`);
    }
  }
}

/** What runs instead, when the cause does not say it already (null: nothing to add). */
function thenMessage(reason: EngineReason, backend: Backend): Message | null {
  if (reason.code === 'asked' || backend === 'webgl2') return null;
  if (backend === 'wasm') return message('engineStatus', 'then.wasm');
  const wasmDetail = 'wasmDetail' in reason ? reason.wasmDetail : undefined;
  return wasmDetail === undefined
    ? message('engineStatus', 'then.cpu')
    : message('engineStatus', 'then.wasmAlsoFailed', { detail: wasmDetail });
}

/** Why `backend` runs (or took over), as a message: the cause, then what runs instead. */
export function engineReasonMessage(reason: EngineReason, backend: Backend): Message {
  const cause = causeMessage(reason, backend);
  const then = thenMessage(reason, backend);
  return then ? message('engineStatus', 'causeThen', { cause, then }) : cause;
}
