import type { EventKind } from '../_internals/kind.js';
import * as alexa from './alexa.js';
import * as appsync from './appsync.js';
import * as batch from './batch.js';
import * as cdk from './cdk.js';
import * as cloudformation from './cloudformation.js';
import * as cloudfront from './cloudfront.js';
import * as codecommit from './codecommit.js';
import * as codepipeline from './codepipeline.js';
import * as cognito from './cognito.js';
import * as config from './config.js';
import * as connect from './connect.js';
import * as iot from './iot.js';
import * as lex from './lex.js';
import * as sagemaker from './sagemaker.js';
import * as secrets from './secrets-manager.js';
import * as stepFunctions from './step-functions.js';
import * as transfer from './transfer-family.js';
import * as workmail from './workmail.js';

/**
 * Factories of the services family: Cognito, CloudFormation/CDK custom resources, CloudFront, AppSync, developer
 * tools, IoT, Lex, Connect, Secrets Manager, Transfer Family and the SAM-only service events.
 * @example
 * import { factories } from './services/index.js';
 * const e = factories.cognitoPreSignUp();
 */
export const factories = {
  cognitoPreSignUp: cognito.cognitoPreSignUp,
  cognitoPostConfirmation: cognito.cognitoPostConfirmation,
  cognitoPreAuthentication: cognito.cognitoPreAuthentication,
  cognitoPostAuthentication: cognito.cognitoPostAuthentication,
  cognitoPreTokenGeneration: cognito.cognitoPreTokenGeneration,
  cognitoPreTokenGenerationV2: cognito.cognitoPreTokenGenerationV2,
  cognitoCustomMessage: cognito.cognitoCustomMessage,
  cognitoUserMigration: cognito.cognitoUserMigration,
  cognitoDefineAuthChallenge: cognito.cognitoDefineAuthChallenge,
  cognitoCreateAuthChallenge: cognito.cognitoCreateAuthChallenge,
  cognitoVerifyAuthChallengeResponse: cognito.cognitoVerifyAuthChallengeResponse,
  cognitoCustomSMSSender: cognito.cognitoCustomSMSSender,
  cognitoCustomEmailSender: cognito.cognitoCustomEmailSender,
  cognitoInboundFederation: cognito.cognitoInboundFederation,
  cognitoTrigger: cognito.cognitoTrigger,
  cognitoSync: cognito.cognitoSync,
  cloudFormationCreate: cloudformation.cloudFormationCreate,
  cloudFormationUpdate: cloudformation.cloudFormationUpdate,
  cloudFormationDelete: cloudformation.cloudFormationDelete,
  cloudFormationResponse: cloudformation.cloudFormationResponse,
  cdkCustomResource: cdk.cdkCustomResource,
  cdkCustomResourceResponse: cdk.cdkCustomResourceResponse,
  cloudFrontRequest: cloudfront.cloudFrontRequest,
  cloudFrontResponse: cloudfront.cloudFrontResponse,
  appSyncResolver: appsync.appSyncResolver,
  appSyncBatchResolver: appsync.appSyncBatchResolver,
  appSyncAuthorizer: appsync.appSyncAuthorizer,
  appSyncAuthorizerResult: appsync.appSyncAuthorizerResult,
  codePipelineJob: codepipeline.codePipelineJob,
  codeCommit: codecommit.codeCommit,
  iotButton: iot.iotButton,
  iot1Click: iot.iot1Click,
  iotCustomAuthorizer: iot.iotCustomAuthorizer,
  iotCustomAuthorizerResult: iot.iotCustomAuthorizerResult,
  iotPreProvisioningHook: iot.iotPreProvisioningHook,
  iotPreProvisioningHookResult: iot.iotPreProvisioningHookResult,
  lexV1: lex.lexV1,
  lexV1Result: lex.lexV1Result,
  lexV2: lex.lexV2,
  connectContactFlow: connect.connectContactFlow,
  secretsManagerRotation: secrets.secretsManagerRotation,
  transferFamilyAuthorizer: transfer.transferFamilyAuthorizer,
  alexaSkill: alexa.alexaSkill,
  alexaSmartHome: alexa.alexaSmartHome,
  batchGetJob: batch.batchGetJob,
  batchSubmitJob: batch.batchSubmitJob,
  configRule: config.configRule,
  sageMakerGroundTruthPreHuman: sagemaker.sageMakerGroundTruthPreHuman,
  sageMakerGroundTruthConsolidation: sagemaker.sageMakerGroundTruthConsolidation,
  stepFunctionsError: stepFunctions.stepFunctionsError,
  workMail: workmail.workMail,
} as const;

/**
 * Registry entries of the services family: drives conformance tests and `generate-event`.
 * @example
 * kinds.map((k) => k.id); // ['cog-presignup', ...]
 */
export const kinds: readonly EventKind[] = [
  cognito.cognitoPreSignUpKind,
  cognito.cognitoPostConfirmationKind,
  cognito.cognitoPreAuthenticationKind,
  cognito.cognitoPostAuthenticationKind,
  cognito.cognitoPreTokenGenerationKind,
  cognito.cognitoPreTokenGenerationV2Kind,
  cognito.cognitoCustomMessageKind,
  cognito.cognitoUserMigrationKind,
  cognito.cognitoDefineAuthChallengeKind,
  cognito.cognitoCreateAuthChallengeKind,
  cognito.cognitoVerifyAuthChallengeResponseKind,
  cognito.cognitoCustomSMSSenderKind,
  cognito.cognitoCustomEmailSenderKind,
  cognito.cognitoInboundFederationKind,
  cognito.cognitoTriggerKind,
  cognito.cognitoSyncKind,
  cloudformation.cloudFormationCreateKind,
  cloudformation.cloudFormationUpdateKind,
  cloudformation.cloudFormationDeleteKind,
  cloudformation.cloudFormationResponseKind,
  cdk.cdkCustomResourceKind,
  cdk.cdkCustomResourceResponseKind,
  cloudfront.cloudFrontRequestKind,
  cloudfront.cloudFrontResponseKind,
  appsync.appSyncResolverKind,
  appsync.appSyncBatchResolverKind,
  appsync.appSyncAuthorizerKind,
  codepipeline.codePipelineJobKind,
  codecommit.codeCommitKind,
  iot.iotButtonKind,
  iot.iot1ClickKind,
  iot.iotCustomAuthorizerKind,
  iot.iotPreProvisioningHookKind,
  lex.lexV1Kind,
  lex.lexV2Kind,
  connect.connectContactFlowKind,
  secrets.secretsManagerRotationKind,
  transfer.transferFamilyAuthorizerKind,
  // SAM-only kinds: no @types/aws-lambda type, shapes taken from the samples (see fixtures/README.md).
  alexa.alexaSkillKind,
  alexa.alexaSmartHomeKind,
  batch.batchGetJobKind,
  batch.batchSubmitJobKind,
  config.configRuleKind,
  sagemaker.sageMakerGroundTruthPreHumanKind,
  sagemaker.sageMakerGroundTruthConsolidationKind,
  stepFunctions.stepFunctionsErrorKind,
  workmail.workMailKind,
];
