-- wrk script for the catalog benchmark: every request is a catalog search drawn from 5,000
-- combinations of words (a quarter of them misspelled), category, halal, price range, sentra,
-- district, availability, sort and page. A counter parameter makes each URL unique, so the
-- output cache never answers: every request runs the full-text search and the filters.
local words = {
  "keripik", "kripik", "singkong", "singkog", "pisang", "pisng", "dodol", "dodl", "cireng", "cirneg",
  "balado", "bolado", "pedas", "keju", "cokelat", "coklat", "madu", "pandan", "kopi", "sambal",
  "smabal", "nastar", "kastengel", "brownies", "bronies", "chips", "cassava", "casava", "banana", "cheese",
  "spicy", "durian", "duren", "tempe", "tempeh", "kerupuk", "krupuk", "udang", "abon", "bakso",
  "nugget", "dimsum", "sirup", "jahe", "teh", "basreng", "makaroni", "emping", "manisan", "selai",
  "bolu", "roti", "rengginang", "rempeyek", "lumer", "ayam", "teri", "kelapa", "jagung", "rumput",
  "garlic", "honey", "frozen", "coffee", "ginger", "mango", "jam", "tarts", "crackers", "sponge",
}
local categories = { "chips", "snacks", "cakes", "frozen", "sambal", "beverages", "sweets" }
local sorts = { "PriceLow", "PriceHigh", "Name", "Newest" }
local prices = { { "5000", "20000" }, { "20000", "50000" }, { "", "15000" }, { "30000", "" }, { "10000", "60000" } }
local availability = { "ReadyStock", "PreOrder", "Seasonal" }

local function pick(list) return list[math.random(#list)] end

local combos = {}
math.randomseed(20261128)
for i = 1, 5000 do
  local parts = {}
  local r = math.random()
  if r < 0.85 then
    local q = pick(words)
    if math.random() < 0.35 then q = q .. "+" .. pick(words) end
    parts[#parts + 1] = "q=" .. q
  end
  if math.random() < 0.30 then parts[#parts + 1] = "category=" .. pick(categories) end
  if math.random() < 0.30 then parts[#parts + 1] = "halal=1" end
  if math.random() < 0.25 then
    local p = pick(prices)
    if p[1] ~= "" then parts[#parts + 1] = "min=" .. p[1] end
    if p[2] ~= "" then parts[#parts + 1] = "max=" .. p[2] end
  end
  if math.random() < 0.20 then parts[#parts + 1] = string.format("sentra=sentra-uji-%03d", math.random(20)) end
  if math.random() < 0.20 then parts[#parts + 1] = string.format("district=32.76.%02d", math.random(11)) end
  if math.random() < 0.15 then parts[#parts + 1] = "availability=" .. pick(availability) end
  if math.random() < 0.40 then parts[#parts + 1] = "sort=" .. pick(sorts) end
  if math.random() < 0.25 then parts[#parts + 1] = "page=" .. math.random(2, 4) end
  combos[i] = table.concat(parts, "&")
end

local counter = 0
local threads = 0
-- thread_id is a global that setup() sets in each thread's own Lua state (thread:set); a local of the
-- same name here would hide it, leaving every thread with id 0, the same random seed and so the same
-- URLs — which the output cache then answered for the second thread (sessions 2–4 up to this fix).
-- Distinct per run, so a run never meets the pages an earlier run left in the output cache.
local run = os.time()

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  math.randomseed(os.time() + thread_id * 7919)
end

function request()
  counter = counter + 1
  local combo = combos[math.random(#combos)]
  local sep = combo == "" and "" or "&"
  return wrk.format("GET", "/katalog?" .. combo .. sep .. "n=" .. run .. "-" .. thread_id .. "-" .. counter)
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
