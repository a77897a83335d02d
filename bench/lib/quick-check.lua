-- wrk script for bench/web.sh: the public quick check's API, one evaluation per request (nothing is stored).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instrument":"beacon-quick","answers":{"hotel-keys":1,"older-partner":2,"chronic-runaway":0,"gifts-affection":null}}'
