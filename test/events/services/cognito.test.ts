import { describe, expect, it } from 'vitest';
import { events } from '../../../src/events/index.js';

describe('Cognito trigger factories', () => {
  it('sets triggerSource for each Cognito trigger', () => {
    expect(events.cognitoPreSignUp().triggerSource).toBe('PreSignUp_SignUp');
    expect(events.cognitoPostConfirmation().triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(events.cognitoPreAuthentication().triggerSource).toBe('PreAuthentication_Authentication');
    expect(events.cognitoPostAuthentication().triggerSource).toBe('PostAuthentication_Authentication');
    expect(events.cognitoPreTokenGeneration().triggerSource).toBe('TokenGeneration_Authentication');
    expect(events.cognitoPreTokenGenerationV2().version).toBe('2');
    expect(events.cognitoCustomMessage().triggerSource).toBe('CustomMessage_AdminCreateUser');
    expect(events.cognitoUserMigration().triggerSource).toBe('UserMigration_Authentication');
    expect(events.cognitoDefineAuthChallenge().triggerSource).toBe('DefineAuthChallenge_Authentication');
    expect(events.cognitoCreateAuthChallenge().triggerSource).toBe('CreateAuthChallenge_Authentication');
    expect(events.cognitoVerifyAuthChallengeResponse().triggerSource).toBe('VerifyAuthChallengeResponse_Authentication');
    expect(events.cognitoCustomSMSSender().triggerSource).toBe('CustomSMSSender_SignUp');
    expect(events.cognitoCustomEmailSender().triggerSource).toBe('CustomEmailSender_SignUp');
    expect(events.cognitoInboundFederation().triggerSource).toBe('InboundFederation_ExternalProvider');
    expect(events.cognitoPreSignUp({ triggerSource: 'PreSignUp_ExternalProvider' }).triggerSource).toBe('PreSignUp_ExternalProvider');
  });

  it('uses the sub as userName and in userAttributes', () => {
    const e = events.cognitoPreAuthentication();
    expect(e.request.userAttributes['sub']).toBe(e.userName);
    expect(e.userName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the user pool id in the overridden region', () => {
    const e = events.cognitoPostAuthentication({ region: 'eu-west-1' });
    expect(e.userPoolId).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
    expect(e.callerContext.clientId).toMatch(/^[a-z0-9]{26}$/);
  });

  it('sends *_verified as booleans where Cognito does and as strings elsewhere', () => {
    expect(events.cognitoCustomMessage().request.userAttributes['email_verified']).toBe(true);
    expect(events.cognitoPostConfirmation().request.userAttributes['email_verified']).toBe(true);
    expect(events.cognitoPreAuthentication().request.userAttributes['email_verified']).toBe('true');
  });

  it('sets usernameParameter only for admin-created users', () => {
    expect(events.cognitoCustomMessage().request.usernameParameter).toBe('{username}');
    expect(events.cognitoCustomMessage({ triggerSource: 'CustomMessage_ForgotPassword' }).request.usernameParameter).toBeNull();
  });

  it('gives the verify trigger a matching answer by default', () => {
    const e = events.cognitoVerifyAuthChallengeResponse();
    expect(e.request.challengeAnswer).toBe(e.request.privateChallengeParameters['answer']);
  });

  it('sends the custom sender code as base64 ciphertext', () => {
    expect(events.cognitoCustomSMSSender().request.code).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('merges overrides deeply and lets undefined remove a key', () => {
    const e = events.cognitoPreSignUp({ request: { userAttributes: { name: 'Ada' } }, response: { autoConfirmUser: true } });
    expect(e.request.userAttributes).toMatchObject({ email: 'user@example.com', name: 'Ada' });
    expect(e.response).toEqual({ autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it('is identical for the same seed', () => {
    expect(events.cognitoPreTokenGeneration({}, { seed: 3 })).toEqual(events.cognitoPreTokenGeneration({}, { seed: 3 }));
    expect(events.cognitoPreTokenGeneration({}, { seed: 3 }).userName).not.toBe(events.cognitoPreTokenGeneration({}, { seed: 4 }).userName);
  });
});
