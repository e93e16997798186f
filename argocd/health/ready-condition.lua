-- Argo CD health of a resource that reports a Ready condition (ProgressiveAgent, ObservabilityStack).
-- Healthy: Ready is True for the current generation. Degraded: the operator gave up on this spec
-- (InvalidSpec, ReconcileFailed) or reports Degraded=True. Anything else is still on its way.
local hs = { status = "Progressing", message = "Waiting for the operator to report a status" }
if obj.status == nil then
  return hs
end

local generation = obj.metadata and obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local function condition(kind)
  for _, c in ipairs(obj.status.conditions or {}) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

local function describe(c)
  local why = c.reason or c.type
  if c.message ~= nil and c.message ~= "" then
    return why .. ": " .. c.message
  end
  return why
end

local ready = condition("Ready")
local degraded = condition("Degraded")
-- An agent's progressive rollout (status.rollout) overrides Ready: the stable pods may all be ready
-- while a canary is still under analysis, and a rolled-back version stays Degraded until the spec
-- changes again (the operator then starts a new rollout record).
local rollout = obj.status.rollout
local rolloutMessage = rollout ~= nil and rollout.message ~= nil and rollout.message ~= "" and (": " .. rollout.message) or ""
if rollout ~= nil and rollout.phase == "RolledBack" then
  hs.status = "Degraded"
  hs.message = "RolledBack" .. rolloutMessage
elseif rollout ~= nil and (rollout.phase == "Progressing" or rollout.phase == "Paused" or rollout.phase == "Frozen") then
  hs.message = rollout.phase .. rolloutMessage
elseif degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(degraded)
elseif ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready)
elseif ready ~= nil and ready.status == "False"
    and (ready.reason == "InvalidSpec" or ready.reason == "ReconcileFailed") then
  hs.status = "Degraded"
  hs.message = describe(ready)
elseif ready ~= nil then
  hs.message = describe(ready)
end
return hs
