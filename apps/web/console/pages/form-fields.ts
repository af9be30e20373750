import { randomUUID } from 'node:crypto';
import { html, type SafeHtml } from '../../shared/html';
import { csrfField } from './console-layout';

export interface FieldOptions {
  /** Unique on the page. */
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'search' | 'number' | 'datetime-local';
  value?: string;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  min?: number;
}

export function field(o: FieldOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  return html`<div class="field"><label for="${o.id}">${o.label}</label>${o.hint ? html`<span class="hint" id="${hintId}">${o.hint}</span>` : ''}
<input id="${o.id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.required ? html` required` : ''}${o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${o.min !== undefined ? html` min="${o.min}"` : ''}${hintId ? html` aria-describedby="${hintId}"` : ''}${o.type === 'datetime-local' ? html` step="1"` : ''}></div>`;
}

/** A required tick box: the confirmation every staff action asks for (checked again on the server). */
export function confirmBox(id: string, text: string): SafeHtml {
  return html`<div class="field"><label class="confirm" for="${id}"><input type="checkbox" id="${id}" name="confirm" value="yes" required> ${text}</label></div>`;
}

export interface ActionFormOptions {
  id: string;
  title: string;
  action: string;
  csrf: string;
  fields: SafeHtml[];
  confirm: string;
  button: string;
  danger?: boolean;
  note?: string;
}

/**
 * One staff action: a form named by its heading, with its inputs, a confirmation and one
 * button. `attempt` is a fresh id per rendered form, sent as the Idempotency-Key, so a
 * double submit runs the command once.
 */
export function actionForm(o: ActionFormOptions): SafeHtml {
  return html`<form method="post" action="${o.action}" class="action" aria-labelledby="${o.id}-title">
<h3 id="${o.id}-title">${o.title}</h3>${o.note ? html`<p class="hint">${o.note}</p>` : ''}
${csrfField(o.csrf)}<input type="hidden" name="attempt" value="${newAttempt()}">
${o.fields}
${confirmBox(`${o.id}-confirm`, o.confirm)}
<button type="submit"${o.danger ? html` class="danger"` : ''}>${o.button}</button>
</form>`;
}

export const newAttempt = (): string => randomUUID();
