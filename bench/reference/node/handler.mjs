// The first page of an organization's evaluation jobs, newest first, with its total_count, written as a Node.js
// Lambda handler usually is: the SDK's document client built once at module load, one Query through the
// organization's created_at index and, beside it, one GetItem of the organization's counter.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";

const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
);
const table = process.env.EVALUATIONS_TABLE;
const counts = process.env.EVALUATION_COUNTS_TABLE;

export const handler = async (event) => {
  const organization = event.requestContext.authorizer.organization;
  const parameters = event.queryStringParameters ?? {};
  const limit = Number(parameters.limit ?? 25);
  // One item more than the page tells whether another page follows.
  const [result, counter] = await Promise.all([
    documents.send(
      new QueryCommand({
        TableName: table,
        IndexName: "org-created",
        KeyConditionExpression: "organization = :organization",
        ExpressionAttributeValues: { ":organization": organization },
        ScanIndexForward: parameters.sort_order === "asc",
        Limit: limit + 1,
      }),
    ),
    // The counter of all the organization's jobs: no status (*), no judge (*).
    documents.send(new GetCommand({ TableName: counts, Key: { pk: `${organization}#*#*`, sk: "all" } })),
  ]);
  const jobs = result.Items.slice(0, limit);
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jobs, total_count: counter.Item?.n ?? 0, has_next: result.Items.length > limit }),
  };
};
