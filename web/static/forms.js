// forms.js - accessible form parts shared by every page: labelled fields with a hint and an
// error message tied to the input by aria-describedby, an error summary that takes the focus
// on a failed submit (its links move the focus to the field), and the translation of server
// problems into messages.
//
//   const handle = textField({ name: 'handle', label: t('...'), hint: t('...') });
//   const form = buildForm([handle, ...], submitButton(t('...')));
//   form.onSubmit(async () => {
//     if (!form.check([[handle, checkHandle(handle.value())]])) return;   // client-side checks
//     if (!await form.send(() => api.post(...), { 'handle-taken': { field: handle, message } })) return;
//     ...                                  // other errors land in the summary by themselves
//   });
import { h, uid } from './dom.js';
import { t, tn, has } from './i18n.js';
import { ApiError } from './api.js';
import * as session from './session.js';

function errorNode(id) {
  return h('p', { class: 'field-error', id, hidden: true });
}

function setFieldError(field, message) {
  const { input, error, hintId } = field;
  error.replaceChildren();
  if (message) {
    error.append(h('span', { class: 'visually-hidden' }, t('form.error_prefix')), ' ', message);
    error.hidden = false;
  } else {
    error.hidden = true;
  }
  const targets = field.group || input;
  const ids = [hintId, message ? error.id : null].filter(Boolean).join(' ');
  if (ids) targets.setAttribute('aria-describedby', ids);
  else targets.removeAttribute('aria-describedby');
  if (field.group) {
    for (const i of field.inputs) {
      if (message) i.setAttribute('aria-invalid', 'true');
      else i.removeAttribute('aria-invalid');
    }
  } else if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
  field.el.classList.toggle('has-error', Boolean(message));
}

// A labelled control (input, textarea, select) with its hint and error message.
function control(tag, { name, label, hint, value, attrs }, children = []) {
  const id = uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const input = h(tag, { id, name, 'aria-describedby': hintId, ...attrs }, children);
  if (value !== undefined) input.value = value;
  const error = errorNode(`${id}-error`);
  const el = h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    input);
  const field = { name, el, input, error, hintId, focusTarget: input };
  field.setError = (message) => setFieldError(field, message);
  field.value = () => input.value;
  return field;
}

// A single-line input. Options: name, label, hint, type, autocomplete, required, value, and
// any extra attribute in `attrs` (inputmode, autocapitalize, spellcheck, maxlength...).
export function textField({ type = 'text', autocomplete, attrs, ...opts }) {
  return control('input', { ...opts, attrs: { type, autocomplete, ...attrs } });
}

// A multi-line input: the same options, `rows` and `max` (characters) with defaults.
export function textArea({ rows = 5, max = 8000, attrs, ...opts }) {
  return control('textarea', { ...opts, attrs: { rows, maxlength: max, ...attrs } });
}

// A drop-down list. options: [{ value, label }].
export function select({ options, ...opts }) {
  return control('select', opts, options.map((o) => h('option', { value: o.value }, o.label)));
}

// A file picker, styled like the other fields. accept: the types offered ("image/*,...").
// value() is the chosen File or null.
export function fileField({ accept, ...opts }) {
  const field = control('input', { ...opts, attrs: { type: 'file', accept, ...opts.attrs } });
  field.value = () => (field.input.files && field.input.files[0]) || null;
  return field;
}

// A group of radio buttons in a fieldset. options: [{ value, label, hint? }].
export function radioGroup({ name, legend, options, value, hint }) {
  const id = uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const inputs = [];
  const items = options.map((o) => {
    const inputId = `${id}-${o.value}`;
    const input = h('input', { type: 'radio', id: inputId, name, value: o.value });
    if (o.value === value) input.checked = true;
    inputs.push(input);
    return h('div', { class: 'choice' }, input, h('label', { for: inputId }, o.label));
  });
  const error = errorNode(`${id}-error`);
  const group = h('fieldset', { class: 'field', 'aria-describedby': hintId },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    items);
  const field = { name, el: group, group, inputs, error, hintId, focusTarget: inputs[0] };
  field.setError = (message) => setFieldError(field, message);
  field.value = () => (inputs.find((i) => i.checked) || { value: '' }).value;
  return field;
}

// A group of check boxes in a fieldset (several choices among options: [{ value, label }]);
// values: the ones checked at first. value() is the checked values, in the options' order.
export function checkboxGroup({ name, legend, options, values = [], hint }) {
  const id = uid(`f-${name}`);
  const hintId = hint ? `${id}-hint` : null;
  const inputs = options.map((o) => h('input', { type: 'checkbox', id: `${id}-${o.value}`, name, value: o.value }));
  inputs.forEach((input) => { input.checked = values.includes(input.value); });
  const error = errorNode(`${id}-error`);
  const group = h('fieldset', { class: 'field', 'aria-describedby': hintId },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    options.map((o, i) => h('div', { class: 'choice' }, inputs[i], h('label', { for: inputs[i].id }, o.label))));
  const field = { name, el: group, group, inputs, error, hintId, focusTarget: inputs[0] };
  field.setError = (message) => setFieldError(field, message);
  field.value = () => inputs.filter((i) => i.checked).map((i) => i.value);
  return field;
}

// A single check box (a confirmation, typically).
export function checkbox({ name, label }) {
  const id = uid(`f-${name}`);
  const input = h('input', { type: 'checkbox', id, name });
  const error = errorNode(`${id}-error`);
  const el = h('div', { class: 'field choice-field' },
    error,
    h('div', { class: 'choice' }, input, h('label', { for: id }, label)));
  const field = { name, el, input, error, hintId: null, focusTarget: input };
  field.setError = (message) => setFieldError(field, message);
  field.value = () => input.checked;
  return field;
}

// Ties a <form> to its fields: error display, summary, and a submit handler that cannot run
// twice at once. The summary is inserted as the first child of the form.
export function formController(form, fields) {
  const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
  form.prepend(summary);
  form.noValidate = true;
  let busy = false;

  function clear() {
    for (const f of fields) f.setError(null);
    summary.hidden = true;
    summary.removeAttribute('role');
    summary.replaceChildren();
  }

  // errors: [{ field?: fieldObject, message }]. Messages without a field are about the whole
  // form (wrong password, too many attempts...).
  function showErrors(errors) {
    clear();
    if (errors.length === 0) return;
    const items = [];
    for (const e of errors) {
      if (e.field) {
        e.field.setError(e.message);
        const target = e.field.focusTarget;
        items.push(h('li', {}, h('a', {
          href: `#${target.id}`,
          onclick: (ev) => { ev.preventDefault(); target.focus(); },
        }, e.message)));
      } else {
        items.push(h('li', {}, e.message));
      }
    }
    const headingId = uid('summary');
    summary.append(
      h('h2', { id: headingId }, errors.length === 1 && !errors[0].field
        ? t('form.problem') : tn('form.errors', errors.length)),
      h('ul', {}, items));
    summary.setAttribute('aria-labelledby', headingId);
    summary.setAttribute('role', 'alert');
    summary.hidden = false;
    summary.focus();
  }

  function onSubmit(handler) {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (busy) return;
      busy = true;
      form.setAttribute('aria-busy', 'true');
      try {
        await handler();
      } catch (err) {
        // A 401 that the page did not expect means the session ended under it.
        if (err instanceof ApiError && err.status === 401 && session.current()) session.expire();
        else showErrors(problemErrors(err, fields));
      } finally {
        busy = false;
        form.removeAttribute('aria-busy');
      }
    });
  }

  // Client-side checks before sending: pairs [field, reason-or-null]. Shows the errors and
  // returns false when there are any.
  function check(pairs) {
    const errors = pairs.filter(([, reason]) => reason)
      .map(([field, reason]) => ({ field, message: fieldMessage(field.name, reason) }));
    showErrors(errors);
    return errors.length === 0;
  }

  // Runs the request `send`. An ApiError whose slug or status is a key of `refusals` is an
  // expected refusal: its { field?, message } is shown and send() returns false. Other
  // errors go on to onSubmit's handler (shown in the summary).
  async function send(request, refusals = {}) {
    try {
      await request();
      return true;
    } catch (err) {
      const known = err instanceof ApiError && (refusals[err.slug] || refusals[err.status]);
      if (!known) throw err;
      showErrors([known]);
      return false;
    }
  }

  return { form, fields, clear, showErrors, onSubmit, check, send };
}

// A form of `fields` ending with `submit` (a button) and optional nodes after it.
export function buildForm(fields, submit, { labelledBy, after } = {}) {
  return formController(
    h('form', { class: 'stack', 'aria-labelledby': labelledBy }, fields.map((f) => f.el), submit, after),
    fields);
}

// The message for a problem as a whole (not tied to a field).
export function problemMessage(err) {
  if (err instanceof ApiError) {
    if (err.slug === 'rate-limited' && err.retryAfter !== null) {
      return t('problem.rate-limited-wait', { wait: waitText(err.retryAfter) });
    }
    if (has(`problem.${err.slug}`)) return t(`problem.${err.slug}`);
    return err.detail || err.title || t('problem.unknown');
  }
  return t('problem.unknown');
}

// The message for one field error of a 422 answer: a specific text when the catalogue has
// one ("field.password.too-short"), then a general one for the reason, then a generic one.
export function fieldMessage(field, reason) {
  for (const key of [`field.${field}.${reason}`, `reason.${reason}`]) {
    if (has(key)) return t(key);
  }
  return t('reason.invalid');
}

// Turns any error thrown while submitting into the list showErrors() takes. Field errors of
// a 422 go next to the field of the same name when the form has it.
export function problemErrors(err, fields) {
  if (err instanceof ApiError && err.errors.length > 0) {
    return err.errors.map((e) => ({
      field: fields.find((f) => f.name === e.field) || null,
      message: fieldMessage(e.field, e.reason),
    }));
  }
  return [{ message: problemMessage(err) }];
}

// "45 secondes", "3 minutes": the wait of a rate limit, rounded up to the minute past 90 s.
export function waitText(seconds) {
  if (seconds <= 90) return tn('wait.seconds', Math.max(1, seconds));
  return tn('wait.minutes', Math.ceil(seconds / 60));
}

export function submitButton(label, cls = 'button') {
  return h('button', { type: 'submit', class: cls }, label);
}
