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
        "/api/v1/projects/{id}/links": {"put": {
          "summary": "Replace a project's milestone dependencies (its whole set); version must be the project's current version.",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["version", "links"],
            "properties": {"version": {"type": "integer"}, "links": {"type": "array", "items": {"type": "object", "required": ["predecessor", "successor"],
              "properties": {"predecessor": {"type": "string"}, "successor": {"type": "string"}, "type": {"type": "string", "enum": ["FS", "SS", "FF", "SF"]}, "lagDays": {"type": "integer"}}}}}}}}},
          "responses": {"200": {"description": "The new version"}, "400": {"description": "Malformed body"}, "404": {"description": "No such project"},
                        "409": {"description": "Stale version; nothing written"}, "422": {"description": "Unknown milestone names or a cycle, each named"}}}},
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
                        "409": {"description": "Someone else changed the problem first (stale version); nothing written"}, "422": {"description": "Action not allowed now, or a field fails a check"}}}},
        "/api/v1/reporting-cycle": {"put": {"summary": "Set how often a zone reports: weekly (periods 2021-W10, ISO weeks), halfMonthly (2021-03H1, 2021-03H2) or monthly (2021-03).",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["cycle"],
            "properties": {"zone": {"type": "string"}, "cycle": {"type": "string", "enum": ["weekly", "halfMonthly", "monthly"]}}}}}},
          "responses": {"200": {"description": "The current period's board"}, "400": {"description": "Malformed body"}, "404": {"description": "Unknown zone"}}}},
        "/api/v1/periods": {"get": {"summary": "One period of the zone's cycle (default the current one): each project with its report or none, reported/expected counts, whether it is closed, and the year's periods.",
          "parameters": [{"$ref": "#/components/parameters/zone"}, {"name": "period", "in": "query", "schema": {"type": "string", "example": "2021-W10"}}],
          "responses": {"200": {"description": "The period board"}, "404": {"description": "Unknown zone"}, "422": {"description": "Not a period of the zone's cycle"}}}},
        "/api/v1/periods/{name}/close": {"post": {"summary": "Close a period: its reports become read-only except by a logged correction, and every project's light and completed investment at the period's end is kept as a snapshot.",
          "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string", "example": "2021-W10"}}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["by"], "properties": {"zone": {"type": "string"}, "by": {"type": "string"}}}}}},
          "responses": {"200": {"description": "The closed period's board"}, "404": {"description": "Unknown zone"}, "422": {"description": "Already closed, not begun, or not a period of the zone's cycle"}}}},
        "/api/v1/reports": {
          "get": {"summary": "Progress reports of a zone, optionally of one period or one project, by period then project name.",
            "parameters": [{"$ref": "#/components/parameters/zone"}, {"name": "period", "in": "query", "schema": {"type": "string"}},
              {"name": "projectID", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "Reports"}, "400": {"description": "Bad projectID"}, "422": {"description": "Bad period name"}}},
          "post": {"summary": "File a project's report for a period of the zone's cycle. Milestone actual dates are written to the milestones; completed investment to date is the sum of the year's reports.",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReportBody"}}}},
            "responses": {"201": {"description": "The report"}, "400": {"description": "Malformed body (field named)"},
                          "409": {"description": "The project already has a report for the period (edit it with PUT)"},
                          "422": {"description": "A field fails a check (named), the period is closed, or the zone has no cycle"}}}},
        "/api/v1/reports/{id}": {
          "get": {"summary": "One report with its revisions (each with the replaced content; corrections of closed periods carry a reason).",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "The report"}, "404": {"description": "No such report"}}},
          "put": {"summary": "Edit a report: version is required; reason is required when the period is closed (a logged correction).",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReportBody"}}}},
            "responses": {"200": {"description": "The report with its revisions"}, "404": {"description": "No such report"},
                          "409": {"description": "Stale version; nothing written"}, "422": {"description": "A field fails a check, or a closed period without a reason"}}}}
      },
      "components": {
        "parameters": {
          "zone": {"name": "zone", "in": "query", "description": "Zone name; default the first zone (dashboard: all zones)", "schema": {"type": "string"}},
          "asOf": {"name": "asOf", "in": "query", "description": "As-of date; default today in the zone's time zone", "schema": {"type": "string", "format": "date"}}
        },
        "schemas": {
          "ReportBody": {"type": "object", "required": ["projectID", "period", "narrative", "reportedBy"], "properties": {
            "projectID": {"type": "string", "format": "uuid"}, "period": {"type": "string", "example": "2021-W10"},
            "investmentInPeriod": {"type": "string", "description": "Investment completed in the period as people write it: 50万, 1.2亿, 300000 (a bare number is yuan / whole units)"},
            "milestoneActuals": {"type": "array", "items": {"type": "object", "required": ["milestone"], "properties": {"milestone": {"type": "string"},
              "actualStart": {"type": "string", "format": "date"}, "actualFinish": {"type": "string", "format": "date"}}}},
            "statisticalEnrollment": {"type": "string", "format": "date"}, "narrative": {"type": "string"}, "reportedBy": {"type": "string"},
            "reportedOn": {"type": "string", "format": "date"}, "version": {"type": "integer", "description": "Edits only"}, "reason": {"type": "string"}}},
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
