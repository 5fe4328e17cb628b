import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { justify } from '../nag.ts';
import type { TStageConfig } from '../stages.ts';

export type TAlarmsProps = {
  stage: TStageConfig;
  httpApi: apigw.IHttpApi;
  apiStageName: string;
  accessLogs: logs.ILogGroup;
  table: dynamodb.ITableV2;
  functions: { api: lambda.IFunction; webhook: lambda.IFunction; jobs: lambda.IFunction; site: lambda.IFunction };
  logGroups: { webhook: logs.ILogGroup; jobs: logs.ILogGroup };
  deadLetterQueues: sqs.IQueue[];
};

const fiveMinutes = Duration.minutes(5);

/**
 * What wakes someone up: the API's 5xx rate, throttling anywhere (API Gateway 429s, functions,
 * the table), the Stripe webhook failing (Stripe retries for three days, so it must be noticed),
 * the scheduled jobs failing, and anything in a dead-letter queue. All go to one SNS topic.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: TAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: `Koldoo ${props.stage.stageName} alarms`, enforceSSL: true });
    justify(this.topic, {
      'AwsSolutions-SNS2':
        'Alarm notifications carry no personal data, and CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key; a customer key is not worth its cost here.',
    });
    if (props.stage.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.stage.alarmEmail));

    const apiMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId, Stage: props.apiStageName },
        statistic: 'Sum',
        period: fiveMinutes,
      });

    // 5xx rate, ignoring quiet periods (fewer than 20 requests) where one error is 5%.
    this.add('ApiServerErrorRate', {
      metric: new cloudwatch.MathExpression({
        expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
        usingMetrics: { errors: apiMetric('5xx'), requests: apiMetric('Count') },
        period: fiveMinutes,
        label: 'API 5xx %',
      }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: 'More than 1% of API requests answered 5xx in 2 of the last 3 five-minute periods.',
    });

    // API Gateway's throttling (429) shows only in the access log.
    const throttled = new logs.MetricFilter(this, 'ApiThrottledFilter', {
      logGroup: props.accessLogs,
      filterPattern: logs.FilterPattern.numberValue('$.status', '=', 429),
      metricNamespace: 'Koldoo',
      metricName: `${props.stage.stageName}-api-throttled`,
      metricValue: '1',
      defaultValue: 0,
    });
    this.add('ApiThrottled', {
      metric: throttled.metric({ statistic: 'Sum', period: fiveMinutes }),
      threshold: 50,
      evaluationPeriods: 1,
      description: 'API Gateway throttled more than 50 requests in five minutes (a flood, or limits too low for real traffic).',
    });

    const fns = Object.values(props.functions);
    this.add('FunctionThrottles', {
      metric: new cloudwatch.MathExpression({
        expression: fns.map((_, index) => `t${index}`).join(' + '),
        usingMetrics: Object.fromEntries(fns.map((fn, index) => [`t${index}`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' })])),
        period: fiveMinutes,
        label: 'Lambda throttles',
      }),
      threshold: 0,
      evaluationPeriods: 1,
      description: 'A Koldoo function was throttled (account concurrency reached).',
    });

    const tableMetric = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: props.table.tableName }, statistic: 'Sum', period: fiveMinutes });
    this.add('TableThrottles', {
      metric: new cloudwatch.MathExpression({
        expression: 'reads + writes',
        usingMetrics: { reads: tableMetric('ReadThrottleEvents'), writes: tableMetric('WriteThrottleEvents') },
        period: fiveMinutes,
        label: 'DynamoDB throttle events',
      }),
      threshold: 10,
      evaluationPeriods: 1,
      description: 'DynamoDB throttled the table (a hot partition: see "Scale notes" in ARCHITECTURE.md).',
    });

    // The webhook answers 500 from inside Hono (so Stripe retries): such failures never count as
    // Lambda errors, so the error-level log lines are counted too.
    const errorLines = (name: string, logGroup: logs.ILogGroup) =>
      new logs.MetricFilter(this, `${name}ErrorLogFilter`, {
        logGroup,
        filterPattern: logs.FilterPattern.numberValue('$.level', '>=', 50),
        metricNamespace: 'Koldoo',
        metricName: `${props.stage.stageName}-${name.toLowerCase()}-error-logs`,
        metricValue: '1',
        defaultValue: 0,
      }).metric({ statistic: 'Sum', period: fiveMinutes });
    this.add('WebhookErrors', {
      metric: new cloudwatch.MathExpression({
        expression: 'crashes + logged',
        usingMetrics: { crashes: props.functions.webhook.metricErrors({ period: fiveMinutes }), logged: errorLines('Webhook', props.logGroups.webhook) },
        period: fiveMinutes,
        label: 'Webhook errors',
      }),
      threshold: 0,
      evaluationPeriods: 1,
      description: 'The Stripe webhook failed (Stripe retries, but a persistent failure means payments are not recorded).',
    });
    this.add('JobsErrors', {
      metric: new cloudwatch.MathExpression({
        expression: 'crashes + logged',
        usingMetrics: { crashes: props.functions.jobs.metricErrors({ period: fiveMinutes }), logged: errorLines('Jobs', props.logGroups.jobs) },
        period: fiveMinutes,
        label: 'Scheduled job errors',
      }),
      threshold: 0,
      evaluationPeriods: 1,
      description: 'A scheduled job failed (deadlines, refunds, transfer reminders or rates).',
    });

    props.deadLetterQueues.forEach((queue, index) => {
      this.add(`DeadLetters${index + 1}`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        threshold: 0,
        evaluationPeriods: 1,
        description: 'Work that failed every retry is waiting in a dead-letter queue.',
      });
    });
  }

  private add(id: string, options: { metric: cloudwatch.IMetric; threshold: number; evaluationPeriods: number; datapointsToAlarm?: number; description: string }) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      ...(options.datapointsToAlarm ? { datapointsToAlarm: options.datapointsToAlarm } : {}),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
