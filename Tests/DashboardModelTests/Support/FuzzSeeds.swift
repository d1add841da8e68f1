// Seeds of the mutation fuzzer: the first records of each file in the project's `samples/` (a made-up center),
// copied here so that the suite needs nothing outside the repository at run time.
enum FuzzSeeds {
    static let deliveriesCSV = #"""
msdyn_proactive_deliveryid,msdyn_delivery_id,createdon,modifiedon,msdyn_status,msdyn_result,msdyn_dialmode_type,msdyn_proactive_engagement_config_id,msdyn_queue_id,msdyn_channel,msdyn_conversation_id,msdyn_engagement_type,msdyn_to_address,msdyn_window_start_date,msdyn_window_end_date,msdyn_result_date
3b7dae04-9591-4694-a856-e45b95c76ab4,3b7dae04-9591-4694-a856-e45b95c76ab4,2026-11-17T16:42:46Z,2026-11-18T01:49:46Z,Pending,,Progressive,03e0a813-bdc2-4e99-a3d2-e49085ef3430,795b929e-9a9a-40fd-aa7b-5bf55eb561a4,Voice,,,+14255550469,2026-11-17T16:42:46Z,2026-11-18T16:42:46Z,
fd63ed5b-a385-4c4b-9a9b-f98c7b6471e2,fd63ed5b-a385-4c4b-9a9b-f98c7b6471e2,2026-11-20T15:41:21Z,2026-11-20T19:18:21Z,Complete,CallEnded,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,795b929e-9a9a-40fd-aa7b-5bf55eb561a4,Voice,48f2f8ed-445f-4d2a-92d3-043afcf249f3,AI-led,+14255555637,2026-11-20T15:41:21Z,2026-11-21T15:41:21Z,2026-11-20T19:18:21Z
ff9e4840-3c67-423f-8163-3acf47715c45,ff9e4840-3c67-423f-8163-3acf47715c45,2026-11-19T07:10:17Z,2026-11-19T07:57:17Z,Complete,CallEnded,Progressive,03e0a813-bdc2-4e99-a3d2-e49085ef3430,795b929e-9a9a-40fd-aa7b-5bf55eb561a4,Voice,e1830294-8d04-499d-94b9-693c961cadbc,Representative-led,+14255550118,2026-11-19T07:10:17Z,2026-11-20T07:10:17Z,2026-11-19T07:57:17Z
60b6cbb1-dc98-4a8a-a58b-7c6a236955e7,60b6cbb1-dc98-4a8a-a58b-7c6a236955e7,2026-11-08T12:36:33Z,2026-11-08T15:16:33Z,Complete,CallEnded,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,21636369-8b52-4b4a-97b7-50923ceb3ffd,Voice,5057326c-56fe-49f7-9e26-c45bfad9d3a9,AI-led,+14255558520,2026-11-08T12:36:33Z,2026-11-09T12:36:33Z,2026-11-08T15:16:33Z
6a4b3989-c9d4-49c5-82ee-e0ab56c2adc0,6a4b3989-c9d4-49c5-82ee-e0ab56c2adc0,2026-11-13T19:40:39Z,2026-11-13T23:44:39Z,Complete,AnsweringMachine,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,31162427-3bfd-4d33-8d00-38ec42650644,Voice,85689935-421b-4cb9-ba50-ecd76ffc71e4,,+14255555158,2026-11-13T19:40:39Z,2026-11-14T19:40:39Z,2026-11-13T23:44:39Z
f69b31ce-0570-4eee-ad0f-aadaf4707652,f69b31ce-0570-4eee-ad0f-aadaf4707652,2026-11-07T16:40:13Z,2026-11-07T22:42:13Z,Complete,CallEnded,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,21636369-8b52-4b4a-97b7-50923ceb3ffd,Voice,05adc011-7d50-4f7c-bcef-d0a747679714,AI-led,+14255557476,2026-11-07T16:40:13Z,2026-11-08T16:40:13Z,2026-11-07T22:42:13Z
21a4cade-bc34-4f4b-af09-1db491bae46a,21a4cade-bc34-4f4b-af09-1db491bae46a,2026-11-11T18:21:50Z,2026-11-11T22:52:50Z,Complete,CallEnded,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,21636369-8b52-4b4a-97b7-50923ceb3ffd,Voice,d0247e4c-c5b3-45d3-9ad8-df8e608d9499,AI-led,+14255553646,2026-11-11T18:21:50Z,2026-11-12T18:21:50Z,2026-11-11T22:52:50Z
5632a446-1477-4e96-ab56-363cf5efd434,5632a446-1477-4e96-ab56-363cf5efd434,2026-11-17T21:16:17Z,2026-11-18T02:46:17Z,Complete,AnsweringMachine,Predictive,0af438d2-9752-4d6a-b51e-8722c21b6092,781f9c58-d664-4fa9-a8a8-529f035efa25,Voice,703cff0b-3976-4c0b-9562-ce04acc80ab5,Representative-led,+14255553572,2026-11-17T21:16:17Z,2026-11-18T21:16:17Z,2026-11-18T02:46:17Z
57116d4c-4751-4092-9d1d-40962eff832f,57116d4c-4751-4092-9d1d-40962eff832f,2026-11-16T17:15:21Z,2026-11-17T03:04:21Z,Expired,Expired,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,8a7d43b5-7863-4074-b797-0386fee29476,Voice,,AI-led,+14255551401,2026-11-16T17:15:21Z,2026-11-17T17:15:21Z,2026-11-17T03:04:21Z
013183e3-3317-46d8-a7ef-79cb69cbc6d1,013183e3-3317-46d8-a7ef-79cb69cbc6d1,2026-11-19T19:40:14Z,2026-11-20T01:35:14Z,Complete,CallEnded,Copilot,ed038db4-de38-4784-a6d0-b944a2863a7f,21636369-8b52-4b4a-97b7-50923ceb3ffd,Voice,68d6710e-917e-4916-ab76-1fc54a5792b2,AI-led,+14255558358,2026-11-19T19:40:14Z,2026-11-20T19:40:14Z,2026-11-20T01:35:14Z
49799084-f891-4b04-96b3-952ddba4a636,49799084-f891-4b04-96b3-952ddba4a636,2026-11-13T18:48:57Z,2026-11-14T03:40:57Z,Complete,AnsweringMachine,Copilot,d2d58443-07f0-42ce-87b3-17d94d1fe09f,31162427-3bfd-4d33-8d00-38ec42650644,Voice,3a3b3bc4-e3c3-4607-9750-47608b3a7a4a,AI-led,+14255554006,2026-11-13T18:48:57Z,2026-11-14T18:48:57Z,2026-11-14T03:40:57Z
69eb8cb4-8978-47da-8664-0cb0051490ea,69eb8cb4-8978-47da-8664-0cb0051490ea,2026-11-07T03:54:48Z,2026-11-07T04:08:48Z,Complete,CallEnded,Predictive,6d4b9adb-ebcd-4f5e-89c1-8070b6d13089,65aa9c82-79f2-48b0-8cb4-a0d7d6225675,Voice,4cc576f2-80d0-4fba-abfc-7ffd1eeda989,Representative-led,+14255551861,2026-11-07T03:54:48Z,2026-11-08T03:54:48Z,2026-11-07T04:08:48Z
"""# + "\n"

    static let deliveriesJSONL = #"""
{"@odata.etag": "W/\"5000\"", "msdyn_proactive_deliveryid": "3b7dae04-9591-4694-a856-e45b95c76ab4", "msdyn_delivery_id": "3b7dae04-9591-4694-a856-e45b95c76ab4", "createdon": "2026-11-17T16:42:46Z", "modifiedon": "2026-11-18T01:49:46Z", "msdyn_status": "Pending", "msdyn_result": null, "msdyn_dialmode_type": "Progressive", "msdyn_proactive_engagement_config_id": "03e0a813-bdc2-4e99-a3d2-e49085ef3430", "msdyn_queue_id": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4", "msdyn_channel": "Voice", "msdyn_conversation_id": null, "msdyn_engagement_type": null, "msdyn_to_address": "+14255550469", "msdyn_window_start_date": "2026-11-17T16:42:46Z", "msdyn_window_end_date": "2026-11-18T16:42:46Z", "msdyn_result_date": null}
{"@odata.etag": "W/\"5001\"", "msdyn_proactive_deliveryid": "fd63ed5b-a385-4c4b-9a9b-f98c7b6471e2", "msdyn_delivery_id": "fd63ed5b-a385-4c4b-9a9b-f98c7b6471e2", "createdon": "2026-11-20T15:41:21Z", "modifiedon": "2026-11-20T19:18:21Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_dialmode_type": "Copilot", "msdyn_proactive_engagement_config_id": "ed038db4-de38-4784-a6d0-b944a2863a7f", "msdyn_queue_id": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4", "msdyn_channel": "Voice", "msdyn_conversation_id": "48f2f8ed-445f-4d2a-92d3-043afcf249f3", "msdyn_engagement_type": "AI-led", "msdyn_to_address": "+14255555637", "msdyn_window_start_date": "2026-11-20T15:41:21Z", "msdyn_window_end_date": "2026-11-21T15:41:21Z", "msdyn_result_date": "2026-11-20T19:18:21Z"}
{"@odata.etag": "W/\"5002\"", "msdyn_proactive_deliveryid": "ff9e4840-3c67-423f-8163-3acf47715c45", "msdyn_delivery_id": "ff9e4840-3c67-423f-8163-3acf47715c45", "createdon": "2026-11-19T07:10:17Z", "modifiedon": "2026-11-19T07:57:17Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_dialmode_type": "Progressive", "msdyn_proactive_engagement_config_id": "03e0a813-bdc2-4e99-a3d2-e49085ef3430", "msdyn_queue_id": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4", "msdyn_channel": "Voice", "msdyn_conversation_id": "e1830294-8d04-499d-94b9-693c961cadbc", "msdyn_engagement_type": "Representative-led", "msdyn_to_address": "+14255550118", "msdyn_window_start_date": "2026-11-19T07:10:17Z", "msdyn_window_end_date": "2026-11-20T07:10:17Z", "msdyn_result_date": "2026-11-19T07:57:17Z"}
{"@odata.etag": "W/\"5003\"", "msdyn_proactive_deliveryid": "60b6cbb1-dc98-4a8a-a58b-7c6a236955e7", "msdyn_delivery_id": "60b6cbb1-dc98-4a8a-a58b-7c6a236955e7", "createdon": "2026-11-08T12:36:33Z", "modifiedon": "2026-11-08T15:16:33Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_dialmode_type": "Copilot", "msdyn_proactive_engagement_config_id": "ed038db4-de38-4784-a6d0-b944a2863a7f", "msdyn_queue_id": "21636369-8b52-4b4a-97b7-50923ceb3ffd", "msdyn_channel": "Voice", "msdyn_conversation_id": "5057326c-56fe-49f7-9e26-c45bfad9d3a9", "msdyn_engagement_type": "AI-led", "msdyn_to_address": "+14255558520", "msdyn_window_start_date": "2026-11-08T12:36:33Z", "msdyn_window_end_date": "2026-11-09T12:36:33Z", "msdyn_result_date": "2026-11-08T15:16:33Z"}
{"@odata.etag": "W/\"5004\"", "msdyn_proactive_deliveryid": "6a4b3989-c9d4-49c5-82ee-e0ab56c2adc0", "msdyn_delivery_id": "6a4b3989-c9d4-49c5-82ee-e0ab56c2adc0", "createdon": "2026-11-13T19:40:39Z", "modifiedon": "2026-11-13T23:44:39Z", "msdyn_status": "Complete", "msdyn_result": "AnsweringMachine", "msdyn_dialmode_type": "Copilot", "msdyn_proactive_engagement_config_id": "ed038db4-de38-4784-a6d0-b944a2863a7f", "msdyn_queue_id": "31162427-3bfd-4d33-8d00-38ec42650644", "msdyn_channel": "Voice", "msdyn_conversation_id": "85689935-421b-4cb9-ba50-ecd76ffc71e4", "msdyn_engagement_type": null, "msdyn_to_address": "+14255555158", "msdyn_window_start_date": "2026-11-13T19:40:39Z", "msdyn_window_end_date": "2026-11-14T19:40:39Z", "msdyn_result_date": "2026-11-13T23:44:39Z"}
{"@odata.etag": "W/\"5005\"", "msdyn_proactive_deliveryid": "f69b31ce-0570-4eee-ad0f-aadaf4707652", "msdyn_delivery_id": "f69b31ce-0570-4eee-ad0f-aadaf4707652", "createdon": "2026-11-07T16:40:13Z", "modifiedon": "2026-11-07T22:42:13Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_dialmode_type": "Copilot", "msdyn_proactive_engagement_config_id": "ed038db4-de38-4784-a6d0-b944a2863a7f", "msdyn_queue_id": "21636369-8b52-4b4a-97b7-50923ceb3ffd", "msdyn_channel": "Voice", "msdyn_conversation_id": "05adc011-7d50-4f7c-bcef-d0a747679714", "msdyn_engagement_type": "AI-led", "msdyn_to_address": "+14255557476", "msdyn_window_start_date": "2026-11-07T16:40:13Z", "msdyn_window_end_date": "2026-11-08T16:40:13Z", "msdyn_result_date": "2026-11-07T22:42:13Z"}
{"@odata.etag": "W/\"5006\"", "msdyn_proactive_deliveryid": "21a4cade-bc34-4f4b-af09-1db491bae46a", "msdyn_delivery_id": "21a4cade-bc34-4f4b-af09-1db491bae46a", "createdon": "2026-11-11T18:21:50Z", "modifiedon": "2026-11-11T22:52:50Z", "msdyn_status": "Complete", "msdyn_result": "CallEnded", "msdyn_dialmode_type": "Copilot", "msdyn_proactive_engagement_config_id": "ed038db4-de38-4784-a6d0-b944a2863a7f", "msdyn_queue_id": "21636369-8b52-4b4a-97b7-50923ceb3ffd", "msdyn_channel": "Voice", "msdyn_conversation_id": "d0247e4c-c5b3-45d3-9ad8-df8e608d9499", "msdyn_engagement_type": "AI-led", "msdyn_to_address": "+14255553646", "msdyn_window_start_date": "2026-11-11T18:21:50Z", "msdyn_window_end_date": "2026-11-12T18:21:50Z", "msdyn_result_date": "2026-11-11T22:52:50Z"}
{"@odata.etag": "W/\"5007\"", "msdyn_proactive_deliveryid": "5632a446-1477-4e96-ab56-363cf5efd434", "msdyn_delivery_id": "5632a446-1477-4e96-ab56-363cf5efd434", "createdon": "2026-11-17T21:16:17Z", "modifiedon": "2026-11-18T02:46:17Z", "msdyn_status": "Complete", "msdyn_result": "AnsweringMachine", "msdyn_dialmode_type": "Predictive", "msdyn_proactive_engagement_config_id": "0af438d2-9752-4d6a-b51e-8722c21b6092", "msdyn_queue_id": "781f9c58-d664-4fa9-a8a8-529f035efa25", "msdyn_channel": "Voice", "msdyn_conversation_id": "703cff0b-3976-4c0b-9562-ce04acc80ab5", "msdyn_engagement_type": "Representative-led", "msdyn_to_address": "+14255553572", "msdyn_window_start_date": "2026-11-17T21:16:17Z", "msdyn_window_end_date": "2026-11-18T21:16:17Z", "msdyn_result_date": "2026-11-18T02:46:17Z"}
"""# + "\n"

    static let conversationsJSON = "{\"@odata.context\": \"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_ocliveworkitems\", \"value\": [\n" + #"""
{"msdyn_ocliveworkitemid": "48f2f8ed-445f-4d2a-92d3-043afcf249f3", "msdyn_isoutbound": true, "_msdyn_cdsqueueid_value": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4", "createdon": "2026-11-20T15:42:21Z"},
{"msdyn_ocliveworkitemid": "e1830294-8d04-499d-94b9-693c961cadbc", "msdyn_isoutbound": true, "_msdyn_cdsqueueid_value": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4", "createdon": "2026-11-19T07:11:17Z"},
{"msdyn_ocliveworkitemid": "5057326c-56fe-49f7-9e26-c45bfad9d3a9", "msdyn_isoutbound": true, "_msdyn_cdsqueueid_value": "21636369-8b52-4b4a-97b7-50923ceb3ffd", "createdon": "2026-11-08T12:37:33Z"},
{"msdyn_ocliveworkitemid": "85689935-421b-4cb9-ba50-ecd76ffc71e4", "msdyn_isoutbound": true, "_msdyn_cdsqueueid_value": "31162427-3bfd-4d33-8d00-38ec42650644", "createdon": "2026-11-13T19:41:39Z"},
{"msdyn_ocliveworkitemid": "05adc011-7d50-4f7c-bcef-d0a747679714", "msdyn_isoutbound": true, "_msdyn_cdsqueueid_value": "21636369-8b52-4b4a-97b7-50923ceb3ffd", "createdon": "2026-11-07T16:41:13Z"}
"""# + "\n]}\n"

    static let configurationsJSON = #"""
{
 "value": [
  {
   "@odata.etag": "W/\"2000\"",
   "msdyn_proactive_engagement_configid": "ed038db4-de38-4784-a6d0-b944a2863a7f",
   "msdyn_name": "Promotional Calls - Copilot",
   "statecode": 0,
   "statecode@OData.Community.Display.V1.FormattedValue": "Active",
   "msdyn_priority": 3,
   "msdyn_priority@OData.Community.Display.V1.FormattedValue": "Normal",
   "msdyn_dialmode_type": 100000000,
   "msdyn_dialmode_type@OData.Community.Display.V1.FormattedValue": "Copilot",
   "_msdyn_queue_value": "21636369-8b52-4b4a-97b7-50923ceb3ffd"
  },
  {
   "@odata.etag": "W/\"2001\"",
   "msdyn_proactive_engagement_configid": "03e0a813-bdc2-4e99-a3d2-e49085ef3430",
   "msdyn_name": "Promotional Calls - Progressive",
   "statecode": 0,
   "statecode@OData.Community.Display.V1.FormattedValue": "Active",
   "msdyn_priority": 3,
   "msdyn_priority@OData.Community.Display.V1.FormattedValue": "Normal",
   "msdyn_dialmode_type": 100000001,
   "msdyn_dialmode_type@OData.Community.Display.V1.FormattedValue": "Progressive",
   "_msdyn_queue_value": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4"
  },
  {
   "@odata.etag": "W/\"2002\"",
   "msdyn_proactive_engagement_configid": "28ce6f24-1064-4d51-86f8-da3eabe19f58",
   "msdyn_name": "Payment Reminder",
   "statecode": 0,
   "statecode@OData.Community.Display.V1.FormattedValue": "Active",
   "msdyn_priority": 2,
   "msdyn_priority@OData.Community.Display.V1.FormattedValue": "High",
   "msdyn_dialmode_type": 100000002,
   "msdyn_dialmode_type@OData.Community.Display.V1.FormattedValue": "Preview",
   "_msdyn_queue_value": "9b08923d-10c6-4fd9-94b2-b8fda02f34a6"
  }
 ]
}
"""#

    static let queuesJSON = #"""
{
 "value": [
  {
   "@odata.etag": "W/\"1000\"",
   "queueid": "21636369-8b52-4b4a-97b7-50923ceb3ffd",
   "name": "Proactive Calls Q"
  },
  {
   "@odata.etag": "W/\"1001\"",
   "queueid": "795b929e-9a9a-40fd-aa7b-5bf55eb561a4",
   "name": "Collections Q"
  },
  {
   "@odata.etag": "W/\"1002\"",
   "queueid": "9b08923d-10c6-4fd9-94b2-b8fda02f34a6",
   "name": "Retention Q"
  }
 ]
}
"""#

    /// The deliveries as one Web API page (the JSON Lines records in a `value` array).
    static var deliveriesJSON: String {
        let records = deliveriesJSONL.split(separator: "\n").joined(separator: ",\n  ")
        return "{\"@odata.context\": \"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_proactive_deliveries\",\n \"value\": [\n  " + records + "\n ]}\n"
    }

    /// (file name, content) of every seed.
    static var all: [(name: String, text: String)] {
        [("deliveries.csv", deliveriesCSV), ("deliveries.jsonl", deliveriesJSONL), ("deliveries.json", deliveriesJSON),
         ("conversations.json", conversationsJSON), ("configurations.json", configurationsJSON), ("queues.json", queuesJSON)]
    }
}
