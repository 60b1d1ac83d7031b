// validate.js - the checks the browser makes before sending a form, mirroring the server's
// rules (the server checks again: these only spare a round trip and give precise messages).
// Each returns null when the value is fine, or a reason string used as a catalogue key.

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 32;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX_BYTES = 256;

export function checkHandle(value) {
  if (value === '') return 'required';
  if (value.length < HANDLE_MIN) return 'too-short';
  if (value.length > HANDLE_MAX) return 'too-long';
  if (!/^[a-z0-9_.-]+$/i.test(value)) return 'bad-characters';
  return null;
}

export function checkEmail(value) {
  if (value === '') return 'required';
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(value)) return 'not-an-email';
  return null;
}

export function checkPassword(value) {
  if (value === '') return 'required';
  if ([...value].length < PASSWORD_MIN) return 'too-short';
  if (new TextEncoder().encode(value).length > PASSWORD_MAX_BYTES) return 'too-long';
  return null;
}

export function checkRequired(value) {
  return value === '' || value === false ? 'required' : null;
}
