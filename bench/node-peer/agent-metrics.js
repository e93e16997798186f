// The seed's AgentMetrics ("Custom Agent Metrics Implementation" in Monitoring-Observability.md),
// with the shared request and health metrics and NPA's business metrics, as the seed defines them.
const promClient = require('prom-client');

class AgentMetrics {
  constructor(agentType, agentId) {
    this.agentType = agentType;
    this.agentId = agentId;
    this.register = new promClient.Registry();
    promClient.collectDefaultMetrics({ register: this.register, prefix: `${agentType}_` });

    this.requestDuration = new promClient.Histogram({
      name: `${agentType}_request_duration_seconds`,
      help: `Duration of ${agentType} requests in seconds`,
      labelNames: ['method', 'status_code', 'endpoint'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.register],
    });
    this.requestsTotal = new promClient.Counter({
      name: `${agentType}_requests_total`,
      help: `Total number of ${agentType} requests`,
      labelNames: ['method', 'status_code', 'endpoint'],
      registers: [this.register],
    });
    this.agentHealth = new promClient.Gauge({
      name: `${agentType}_health_status`,
      help: `Health status of ${agentType} (1=healthy, 0=unhealthy)`,
      labelNames: ['agent_id', 'version'],
      registers: [this.register],
    });
    this.activeConnections = new promClient.Gauge({
      name: `${agentType}_active_connections`,
      help: `Number of active connections to ${agentType}`,
      labelNames: ['agent_id'],
      registers: [this.register],
    });

    this.mealPlansGenerated = new promClient.Counter({
      name: 'npa_meal_plans_generated_total',
      help: 'Total number of meal plans generated',
      labelNames: ['plan_type', 'dietary_restrictions'],
      registers: [this.register],
    });
    this.nutritionApiCalls = new promClient.Counter({
      name: 'npa_nutrition_api_calls_total',
      help: 'Total number of external nutrition API calls',
      labelNames: ['api_provider', 'status'],
      registers: [this.register],
    });
    this.calorieCalculations = new promClient.Counter({
      name: 'npa_calorie_calculations_total',
      help: 'Total number of calorie calculations performed',
      labelNames: ['calculation_type'],
      registers: [this.register],
    });
  }

  recordRequest(method, endpoint, statusCode, durationMs) {
    const labels = { method, endpoint, status_code: statusCode };
    this.requestsTotal.inc(labels);
    this.requestDuration.observe(labels, durationMs / 1000);
  }

  updateHealth(isHealthy) {
    this.agentHealth.set({ agent_id: this.agentId, version: process.env.VERSION || '5.0.0' }, isHealthy ? 1 : 0);
  }

  updateActiveConnections(count) {
    this.activeConnections.set({ agent_id: this.agentId }, count);
  }

  recordMealPlanGeneration(planType, dietaryRestrictions) {
    this.mealPlansGenerated.inc({ plan_type: planType, dietary_restrictions: dietaryRestrictions || 'none' });
  }
}

module.exports = { AgentMetrics };
