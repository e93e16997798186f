-- One realistic NPA request: a daily meal plan with a dietary restriction.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"calorieTarget": 2200, "mealsPerDay": 4, "restrictions": ["vegetarian"]}'
