import { ZScenarioResult } from '@enlace/rules';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { languageOf } from '../../platform/errors/translate.ts';
import { evaluateScenarioFile } from './evaluate-scenario-file.ts';

const tags = ['legal'];
/** Scenario files hold thousands of requests well under this. */
const SCENARIO_BODY_LIMIT = 5 * 1024 * 1024;

/** Legal evaluation of tasking requests. */
export function legalRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/tasking/evaluate-scenario', {
      config: { access: 'legal:evaluate' },
      bodyLimit: SCENARIO_BODY_LIMIT,
      schema: {
        tags,
        description: 'Evaluates every request of a legal scenario file (docs/scenario.schema.json) without storing anything.',
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ results: z.array(ZScenarioResult) }) },
      },
    }, async (req) => {
      const evaluation = evaluateScenarioFile({ input: { value: req.body }, now: new Date() });
      if (!evaluation.ok) {
        const lang = languageOf(req.headers['accept-language']);
        const first = evaluation.errors[0];
        throw new AppError(
          'SCENARIO_INVALID',
          { path: first?.path ?? '$', reason: first?.message[lang] ?? '' },
          evaluation.errors,
        );
      }
      return { results: [...evaluation.results] };
    });
  };
}
