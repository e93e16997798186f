// The seed's stack for one agent: Express with prom-client and the seed's AgentMetrics, serving
// NPA's POST /api/v1/meal-plans with the same validation, planning and metrics as the Java runtime.
// PORT (default 18481), AGENT_ID; binds 127.0.0.1 only. SIGTERM stops it.
const crypto = require('node:crypto');
const express = require('express');
const { AgentMetrics } = require('./agent-metrics');
const { plan, RESTRICTIONS } = require('./meal-planner');

const port = Number(process.env.PORT || 18481);
const metrics = new AgentMetrics('npa', process.env.AGENT_ID || 'npa-node-peer');
const PLAN_TYPES = new Set(['daily', 'weekly']);
let inFlight = 0;

class BadRequest extends Error {
  constructor(field, message) {
    super(message);
    this.field = field;
  }
}

function integer(body, field, min, max, fallback) {
  const value = body[field];
  if (value === undefined && fallback !== undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadRequest(field, `${field} must be between ${min} and ${max}`);
  }
  return value;
}

function restrictionsOf(body) {
  const value = body.restrictions ?? [];
  if (!Array.isArray(value) || value.some((r) => !RESTRICTIONS.has(r))) {
    throw new BadRequest('restrictions', `restrictions must be among ${[...RESTRICTIONS].join(', ')}`);
  }
  return [...new Set(value)].sort();
}

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));
app.use((req, res, next) => {
  res.set('X-Correlation-ID', req.get('X-Correlation-ID') || crypto.randomUUID());
  next();
});
// The seed's request metrics: every API request, by route template and status code.
app.use('/api', (req, res, next) => {
  const start = process.hrtime.bigint();
  metrics.updateActiveConnections(++inFlight);
  res.on('finish', () => {
    metrics.updateActiveConnections(--inFlight);
    const endpoint = req.route ? req.baseUrl + req.route.path : 'unmatched';
    metrics.recordRequest(req.method, endpoint, String(res.statusCode), Number(process.hrtime.bigint() - start) / 1e6);
  });
  next();
});

app.post('/api/v1/meal-plans', (req, res) => {
  const body = req.body ?? {};
  const calorieTarget = integer(body, 'calorieTarget', 1200, 5000);
  const mealsPerDay = integer(body, 'mealsPerDay', 3, 6, 3);
  const planType = body.planType ?? 'daily';
  if (!PLAN_TYPES.has(planType)) throw new BadRequest('planType', 'planType must be daily or weekly');
  const restrictions = restrictionsOf(body);
  metrics.nutritionApiCalls.inc({ api_provider: 'builtin_catalog', status: 'success' });
  const result = plan(planType, calorieTarget, mealsPerDay, restrictions);
  metrics.calorieCalculations.inc({ calculation_type: 'meal_distribution' });
  metrics.recordMealPlanGeneration(planType, restrictions.length ? restrictions.join('+') : 'none');
  res.json(result);
});

app.get('/health/ready', (req, res) => res.json({ status: 'UP' }));
app.get('/metrics', async (req, res) => {
  res.set('Content-Type', metrics.register.contentType);
  res.send(await metrics.register.metrics());
});

app.use((err, req, res, next) => {
  if (err instanceof BadRequest) {
    res.status(400).json({ error: 'bad_request', field: err.field, message: err.message });
  } else {
    res.status(err.status || 500).json({ error: 'internal', message: err.message });
  }
});

metrics.updateHealth(true);
const server = app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
