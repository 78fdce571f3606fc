-- Soak: rotate over the feeds and pages named in the PATHS environment variable.
local paths = {}
for path in string.gmatch(os.getenv("PATHS") or "/", "[^,]+") do
  paths[#paths + 1] = path
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
