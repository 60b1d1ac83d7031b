-- bench/members/members.lua - wrk script: many distinct logged-in members (issue 13).
--   MODE=thread         GET /api/v1/threads/$HOT (one thread, every member's own part)
--   MODE=space          GET /api/v1/spaces/banc-d-essai
--   MODE=notifications  GET /api/v1/notifications
--   MODE=search         GET /api/v1/search?q=...
--   MODE=replies        POST /api/v1/threads/{a thread the member follows}/posts
--   MODE=followed       GET /api/v1/threads/{a thread the member follows} (each its own)
--   MODE=mixed          90 % reads (thread page of a followed thread, space, notifications),
--                       10 % replies
-- SESSIONS names the file written by members_gen ("TOKEN CSRF THREAD" per line). Each wrk
-- thread walks the members from its own offset, one member per request.
local sessions = {}
local mode = os.getenv("MODE") or "thread"
local hot = os.getenv("HOT") or "1"
local query = os.getenv("QUERY") or "pompe+insuline"
local counter = 0
local thread_no = 0

for line in io.lines(os.getenv("SESSIONS")) do
  local token, csrf, thread = line:match("(%S+) (%S+) (%S+)")
  sessions[#sessions + 1] = { token = token, csrf = csrf, thread = thread }
end

local n_threads = 0
function setup(thread)
  n_threads = n_threads + 1
  thread:set("thread_no", n_threads)
end

local reply_body = '{"body":"Merci pour vos messages, ça aide beaucoup de vous lire ce soir."}'

local function get(path, s)
  return wrk.format("GET", path, { ["Cookie"] = "entraide_session=" .. s.token })
end

local function reply(s)
  return wrk.format("POST", "/api/v1/threads/" .. s.thread .. "/posts", {
    ["Cookie"] = "entraide_session=" .. s.token,
    ["X-CSRF-Token"] = s.csrf,
    ["Content-Type"] = "application/json",
  }, reply_body)
end

function request()
  counter = counter + 1
  local s = sessions[((thread_no or 0) * 7919 + counter) % #sessions + 1]
  if mode == "thread" then
    return get("/api/v1/threads/" .. hot, s)
  elseif mode == "space" then
    return get("/api/v1/spaces/banc-d-essai", s)
  elseif mode == "notifications" then
    return get("/api/v1/notifications", s)
  elseif mode == "search" then
    return get("/api/v1/search?q=" .. query, s)
  elseif mode == "replies" then
    return reply(s)
  elseif mode == "followed" then
    return get("/api/v1/threads/" .. s.thread, s)
  end
  local r = counter % 10
  if r == 0 then
    return reply(s)
  elseif r <= 6 then
    return get("/api/v1/threads/" .. s.thread, s)
  elseif r <= 8 then
    return get("/api/v1/notifications", s)
  end
  return get("/api/v1/spaces/banc-d-essai", s)
end
