/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {"title": "Luodi API", "version": "1.0.0",
               "description": "Key-project command center. Money is {currency, minorUnits} (minor units: fen, cent). Dates are yyyy-MM-dd calendar dates in the zone's time zone."},
      "paths": {
        "/api/v1/dashboard": {"get": {
          "summary": "Status report of a zone (or of all zones) at an as-of date; the same figures as `luodi status --json`.",
          "parameters": [{"$ref": "#/components/parameters/zone"}, {"$ref": "#/components/parameters/asOf"}],
          "responses": {"200": {"description": "Status report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StatusReport"}}}},
                        "400": {"description": "Bad parameter (named in the reason)"}, "404": {"description": "Unknown zone"}}}},
        "/api/v1/projects": {"get": {
          "summary": "Filtered, sorted, paginated project list of a zone.",
          "parameters": [{"$ref": "#/components/parameters/zone"}, {"$ref": "#/components/parameters/asOf"},
            {"name": "department", "in": "query", "schema": {"type": "string"}},
            {"name": "category", "in": "query", "schema": {"type": "string", "enum": ["industrial", "infrastructure", "publicService", "urbanSupport"]}},
            {"name": "stage", "in": "query", "schema": {"type": "string", "enum": ["lead", "negotiating", "signed", "registered", "preparing", "underConstruction", "completed", "operating"]}},
            {"name": "rag", "in": "query", "schema": {"type": "string", "enum": ["red", "amber", "green"]}},
            {"name": "q", "in": "query", "description": "Substring of name, enterprise, key or project code", "schema": {"type": "string"}},
            {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["name", "department", "stage", "rag", "planned", "completed", "rate", "overdue"]}},
            {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            {"name": "perPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
          "responses": {"200": {"description": "One page", "content": {"application/json": {"schema": {"type": "object",
            "properties": {"zone": {"type": "string"}, "asOf": {"type": "string", "format": "date"}, "total": {"type": "integer"},
                           "page": {"type": "integer"}, "perPage": {"type": "integer"}, "pages": {"type": "integer"},
                           "items": {"type": "array", "items": {"type": "object"}}}}}}},
                        "400": {"description": "Bad parameter"}, "404": {"description": "Unknown zone"}}}},
        "/api/v1/projects/{id}": {"get": {
          "summary": "One project with milestones, light and reasons.",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/asOf"}],
          "responses": {"200": {"description": "The project"}, "400": {"description": "Bad id or asOf"}, "404": {"description": "No such project"}}}},
        "/api/v1/imports": {"post": {
          "summary": "Import a project list (CSV). All or nothing: any error writes nothing and lists every bad row as file:row:column: message.",
          "parameters": [
            {"name": "profile", "in": "query", "schema": {"type": "string", "enum": ["luodi", "cn-news", "nyc-sca"]}},
            {"$ref": "#/components/parameters/zone"},
            {"name": "dryRun", "in": "query", "description": "Default true: report without writing", "schema": {"type": "boolean"}},
            {"name": "fileName", "in": "query", "schema": {"type": "string"}},
            {"name": "encoding", "in": "query", "schema": {"type": "string", "enum": ["auto", "utf-8", "gb18030"]}}],
          "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}},
                                                         "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "Import report"}, "400": {"description": "Bad parameter or no body"},
                        "413": {"description": "Body over the upload limit"}, "422": {"description": "Import report with errors; nothing written"}}}},
        "/api/v1/problems": {
          "get": {"summary": "Problem list of a zone: open (default), due this week, overdue or all; optionally of one owner department.",
            "parameters": [{"$ref": "#/components/parameters/zone"}, {"$ref": "#/components/parameters/asOf"},
              {"name": "view", "in": "query", "schema": {"type": "string", "enum": ["open", "week", "overdue", "all"]}},
              {"name": "department", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Problems, earliest deadline first"}, "400": {"description": "Bad parameter"}}},
          "post": {"summary": "Raise a problem (state open, level zone unless given).",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["title", "raisedBy", "ownerDepartment", "deadline"],
              "properties": {"zone": {"type": "string"}, "projectID": {"type": "string", "format": "uuid"}, "title": {"type": "string"}, "description": {"type": "string"},
                             "raisedBy": {"type": "string"}, "raisedOn": {"type": "string", "format": "date"}, "ownerDepartment": {"type": "string"},
                             "deadline": {"type": "string", "format": "date"}, "level": {"type": "string", "enum": ["zone", "district", "city"]}}}}}},
            "responses": {"201": {"description": "The problem"}, "400": {"description": "Malformed body"}, "404": {"description": "Unknown zone"}, "422": {"description": "A field fails a check (named in the reason)"}}}},
        "/api/v1/problems/{id}": {"get": {"summary": "One problem with its supervision orders and history.",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "The problem"}, "404": {"description": "No such problem"}}}},
        "/api/v1/problems/{id}/actions": {"post": {"summary": "Assign, resolve, reopen, close (needs note) or escalate (needs deadline and rectificationPlan). version must be the problem's current version.",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["version", "action", "by"],
            "properties": {"version": {"type": "integer"}, "action": {"type": "string", "enum": ["assign", "resolve", "reopen", "close", "escalate"]}, "by": {"type": "string"},
                           "on": {"type": "string", "format": "date"}, "note": {"type": "string"}, "deadline": {"type": "string", "format": "date"}, "rectificationPlan": {"type": "string"}}}}}},
          "responses": {"200": {"description": "The problem after the action"}, "404": {"description": "No such problem"},
                        "409": {"description": "Someone else changed the problem first (stale version); nothing written"}, "422": {"description": "Action not allowed now, or a field fails a check"}}}}
      },
      "components": {
        "parameters": {
          "zone": {"name": "zone", "in": "query", "description": "Zone name; default the first zone (dashboard: all zones)", "schema": {"type": "string"}},
          "asOf": {"name": "asOf", "in": "query", "description": "As-of date; default today in the zone's time zone", "schema": {"type": "string", "format": "date"}}
        },
        "schemas": {
          "Money": {"type": "object", "required": ["currency", "minorUnits"], "properties": {"currency": {"type": "string"}, "minorUnits": {"type": "integer", "format": "int64"}}},
          "StatusReport": {"type": "object", "properties": {
            "zone": {"type": "string"}, "asOf": {"type": "string", "format": "date"},
            "timeElapsedShare": {"type": "object", "properties": {"convention": {"type": "string", "enum": ["days", "months"]}, "elapsed": {"type": "integer"}, "total": {"type": "integer"}, "percent": {"type": "number"}}},
            "projects": {"type": "integer"}, "milestones": {"type": "integer"}, "overdueMilestones": {"type": "integer"},
            "plannedInvestment": {"oneOf": [{"$ref": "#/components/schemas/Money"}, {"type": "array", "items": {"$ref": "#/components/schemas/Money"}}]},
            "completedInvestment": {"oneOf": [{"$ref": "#/components/schemas/Money"}, {"type": "array", "items": {"$ref": "#/components/schemas/Money"}}]},
            "totalInvestment": {"oneOf": [{"$ref": "#/components/schemas/Money"}, {"type": "array", "items": {"$ref": "#/components/schemas/Money"}}]},
            "completionPercent": {"type": "number"}, "behindPoints": {"type": "number"}, "comparableProjects": {"type": "integer"},
            "rag": {"type": "object", "properties": {"red": {"type": "integer"}, "amber": {"type": "integer"}, "green": {"type": "integer"}}},
            "byDepartment": {"type": "array", "items": {"type": "object"}}, "byCategory": {"type": "array", "items": {"type": "object"}},
            "byStage": {"type": "array", "items": {"type": "object"}}, "lagging": {"type": "array", "items": {"type": "object"}},
            "zones": {"type": "array", "items": {"$ref": "#/components/schemas/StatusReport"}}}}
        }
      }
    }
    """#
}
