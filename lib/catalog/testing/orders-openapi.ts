// A two-path OpenAPI 3.0 document as a team would write it, for the catalog's tests and journey: line 22 is the
// description of GET /orders/{id}'s answer, which the tests spoil to see the line named.

export const ordersDocument = `openapi: 3.0.3
info:
  title: Orders
  version: "1.0"
paths:
  /orders:
    get:
      summary: List orders
      responses:
        "200":
          description: The orders
  /orders/{id}:
    get:
      summary: Read one order
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
      responses:
        "200":
          description: One order
`;
