-- Runs an Argo CD health script as Argo CD does: the resource is the global obj, the script returns
-- {status, message}. Usage: lua5.4 health-driver.lua <resource as a Lua table file> <health script>
obj = dofile(arg[1])
local hs = dofile(arg[2])
io.write(hs.status, "\n", hs.message or "", "\n")
