import type { DynamoDBRecord, StreamRecord } from 'aws-lambda';
import { itemSize, marshall, type AttributeMap, type PlainItem } from './_marshal.js';

/** What a stream is configured to carry. */
type StreamViewType = NonNullable<StreamRecord['StreamViewType']>;

/** One change to a stream record, everything decided (internal: the factory and the simulated table build records with it). */
export interface ChangeRecordInput {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly keys: PlainItem;
  readonly newItem: PlainItem | undefined;
  readonly oldItem: PlainItem | undefined;
  readonly viewType: StreamViewType;
  readonly sequenceNumber: string;
  /** Epoch ms of the change. */
  readonly now: number;
  readonly eventID: string;
  readonly region: string;
  readonly streamArn: string;
}

/**
 * A DynamoDB stream record of one change, as DynamoDB Streams delivers it: images marshalled and kept or dropped as
 * the view type says, `SizeBytes` by DynamoDB's item-size rules, keys in AWS's order.
 * @example
 * changeRecord({ eventName: 'INSERT', keys: { id: 'a' }, newItem: { id: 'a' }, oldItem: undefined, viewType: 'NEW_IMAGE', sequenceNumber: '100', now: 0, eventID: 'e', region: 'us-east-1', streamArn }).dynamodb!.Keys; // { id: { S: 'a' } }
 */
export function changeRecord(input: ChangeRecordInput): DynamoDBRecord {
  const keys = marshall(input.keys);
  const carriesNew = input.viewType === 'NEW_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const carriesOld = input.viewType === 'OLD_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const newImage: AttributeMap | undefined = carriesNew && input.newItem !== undefined ? marshall(input.newItem) : undefined;
  const oldImage: AttributeMap | undefined = carriesOld && input.oldItem !== undefined ? marshall(input.oldItem) : undefined;
  const dynamodb: StreamRecord = {
    // DynamoDB reports whole epoch seconds here.
    ApproximateCreationDateTime: Math.floor(input.now / 1000),
    Keys: keys,
  };
  if (newImage !== undefined) dynamodb.NewImage = newImage;
  if (oldImage !== undefined) dynamodb.OldImage = oldImage;
  dynamodb.SequenceNumber = input.sequenceNumber;
  // A stream record's size is that of the key and of the images it carries.
  dynamodb.SizeBytes = itemSize(keys) + itemSize(newImage) + itemSize(oldImage);
  dynamodb.StreamViewType = input.viewType;
  return {
    eventID: input.eventID,
    eventName: input.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: input.region,
    dynamodb,
    eventSourceARN: input.streamArn,
  };
}
