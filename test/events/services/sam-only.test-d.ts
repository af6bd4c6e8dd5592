import { describe, expectTypeOf, it } from 'vitest';
import { events } from '../../../src/events/index.js';
import type { AlexaSkillEvent, AlexaSmartHomeEvent } from '../../../src/events/services/alexa.js';
import type { BatchGetJobEvent, BatchSubmitJobEvent } from '../../../src/events/services/batch.js';
import type { ConfigRuleEvent } from '../../../src/events/services/config.js';
import type { SageMakerGroundTruthConsolidationEvent, SageMakerGroundTruthPreHumanEvent } from '../../../src/events/services/sagemaker.js';
import type { StepFunctionsErrorEvent } from '../../../src/events/services/step-functions.js';
import type { WorkMailEvent } from '../../../src/events/services/workmail.js';

describe('SAM-only factory types', () => {
  it('returns the interface written from the samples', () => {
    expectTypeOf(events.alexaSkill()).toEqualTypeOf<AlexaSkillEvent>();
    expectTypeOf(events.alexaSmartHome()).toEqualTypeOf<AlexaSmartHomeEvent>();
    expectTypeOf(events.batchGetJob()).toEqualTypeOf<BatchGetJobEvent>();
    expectTypeOf(events.batchSubmitJob()).toEqualTypeOf<BatchSubmitJobEvent>();
    expectTypeOf(events.configRule()).toEqualTypeOf<ConfigRuleEvent>();
    expectTypeOf(events.sageMakerGroundTruthPreHuman()).toEqualTypeOf<SageMakerGroundTruthPreHumanEvent>();
    expectTypeOf(events.sageMakerGroundTruthConsolidation()).toEqualTypeOf<SageMakerGroundTruthConsolidationEvent>();
    expectTypeOf(events.stepFunctionsError()).toEqualTypeOf<StepFunctionsErrorEvent>();
    expectTypeOf(events.workMail()).toEqualTypeOf<WorkMailEvent>();
  });

  it('narrows the Alexa request on its type', () => {
    const request = events.alexaSkill().request;
    if (request.type === 'IntentRequest') expectTypeOf(request.intent.name).toEqualTypeOf<string>();
  });

  it('type-checks deep-partial overrides', () => {
    events.alexaSkill({ request: { type: 'SessionEndedRequest', reason: 'ERROR' } });
    events.configRule({ messageType: 'ScheduledNotification', overrides: { evaluationMode: 'PROACTIVE' } });
    // @ts-expect-error flowDirection is INBOUND or OUTBOUND
    events.workMail({ flowDirection: 'SIDEWAYS' });
    // @ts-expect-error Config has no such message type
    events.configRule({ messageType: 'ConfigurationSnapshot' });
    // @ts-expect-error eventLeftScope is a boolean
    events.configRule({ overrides: { eventLeftScope: 'no' } });
  });
});
