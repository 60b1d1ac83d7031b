// instance.js - what the server says about itself (GET /api/v1/instance): name, description,
// languages, counts, whether sign-up is open, closed or by invitation, which pages it has. Fetched once at start-up for the header and the
// sign-up page; the home page asks for a fresh copy (the counts change).
import { api } from './api.js';

let cached = null;

// The instance description, or null when the server did not answer (pages then fall back to
// their own texts). fresh: ask again instead of reusing the first answer.
export async function info({ fresh = false } = {}) {
  if (!cached || fresh) {
    cached = api.get('/api/v1/instance').catch((err) => {
      cached = null;
      throw err;
    });
  }
  return cached;
}

// Sign-up is open (to everyone or by invitation) unless the server said otherwise.
export async function registrationOpen() {
  try {
    const i = await info();
    return !(i && i.registration_open === false && i.registration !== 'invitation');
  } catch {
    return true;
  }
}
