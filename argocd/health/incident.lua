-- Argo CD health of an Incident, from its phase. Resolved and Suppressed (no playbook ran, on purpose)
-- are Healthy; Escalated means the playbook could not fix it and a person must: Degraded. AwaitingApproval
-- holds a step until a person decides: Suspended, with the request. Detected, Mitigating and Verifying
-- are Progressing.
local hs = { status = "Progressing", message = "Waiting for the operator to pick up the incident" }
if obj.status == nil or obj.status.phase == nil then
  return hs
end

local phase = obj.status.phase
local detail = obj.status.message
local function say(text)
  if detail ~= nil and detail ~= "" then
    return text .. ": " .. detail
  end
  return text
end

if phase == "Resolved" then
  hs.status = "Healthy"
  hs.message = say("Resolved")
elseif phase == "Suppressed" then
  hs.status = "Healthy"
  hs.message = say("Suppressed, no playbook ran")
elseif phase == "Escalated" then
  hs.status = "Degraded"
  hs.message = say("Escalated")
elseif phase == "AwaitingApproval" then
  hs.status = "Suspended"
  hs.message = say("Awaiting approval")
else
  hs.message = say(phase)
end
return hs
